namespace Workflow.Application.Assignments;

/// <summary>
/// The answer to a claim, a release or an assignment: who holds the application now (none when released) and since
/// when (policy time, as the API shows times), whether it was so already (<see cref="Repeated"/>: nothing recorded),
/// and the audit code of the change made.
/// </summary>
public sealed record AssignmentAnswer(string ApplicationId, Assignee? Assignee, DateTimeOffset? Since, bool Repeated, string? Event, string AssignmentUrl)
{
    public static string UrlOf(string applicationId) => $"/api/applications/{applicationId}/assignment";
}
