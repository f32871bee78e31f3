namespace Workflow.Application.Assignments;

/// <summary>The rules' answer: the outcome, the next assignee and the audit code of a change, or the reason of a refusal.</summary>
public sealed record AssignmentVerdict(AssignmentOutcome Outcome, Assignee? Next = null, string? Event = null, string? Reason = null)
{
    public static AssignmentVerdict Change(Assignee? next, string eventCode) => new(AssignmentOutcome.Change, next, eventCode);

    public static AssignmentVerdict Repeated { get; } = new(AssignmentOutcome.Repeated);

    public static AssignmentVerdict Conflict(string reason) => new(AssignmentOutcome.Conflict, Reason: reason);

    public static AssignmentVerdict Forbidden(string reason) => new(AssignmentOutcome.Forbidden, Reason: reason);
}
