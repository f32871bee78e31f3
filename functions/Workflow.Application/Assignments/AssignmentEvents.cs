namespace Workflow.Application.Assignments;

/// <summary>The audit codes of assignment changes; staff-only rows (not listed in <see cref="Queries.TimelineAudiences"/>).</summary>
public static class AssignmentEvents
{
    /// <summary>An unassigned application got an assignee: claimed by the caller, or assigned by a manager.</summary>
    public const string Assigned = "assigned";

    /// <summary>A manager moved the application from one assignee to another.</summary>
    public const string Reassigned = "reassigned";

    /// <summary>The assignee or a manager gave the application up: nobody works on it.</summary>
    public const string Released = "released";

    public static IReadOnlyList<string> All { get; } = [Assigned, Reassigned, Released];
}
