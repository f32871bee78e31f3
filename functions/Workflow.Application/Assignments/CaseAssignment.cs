namespace Workflow.Application.Assignments;

/// <summary>
/// Who works on an application now (none when <see cref="Assignee"/> is null), since when, and the last change, kept
/// with it so that a change whose audit row a crash cut off is audited by the next command. <see cref="Version"/>
/// counts the changes: it orders the copies on the worklist rows and numbers the audit rows.
/// </summary>
public sealed record CaseAssignment(Assignee? Assignee, DateTimeOffset? Since, int Version, AssignmentChange? LastChange)
{
    /// <summary>An application nobody claimed or was assigned yet.</summary>
    public static CaseAssignment None { get; } = new(null, null, 0, null);
}
