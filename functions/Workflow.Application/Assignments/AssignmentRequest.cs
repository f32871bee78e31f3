namespace Workflow.Application.Assignments;

/// <summary>A request about an application's assignment: what, by whom (a manager or not), and for an assignment, to whom.</summary>
public sealed record AssignmentRequest(AssignmentAction Action, Assignee By, bool ByManager, Assignee? To = null)
{
    public static AssignmentRequest Claim(Assignee by, bool byManager) => new(AssignmentAction.Claim, by, byManager);

    public static AssignmentRequest Release(Assignee by, bool byManager) => new(AssignmentAction.Release, by, byManager);

    public static AssignmentRequest Assign(Assignee by, Assignee to) => new(AssignmentAction.Assign, by, ByManager: true, to);
}
