using Workflow.Application.Assignments;

namespace Workflow.Application.Ports;

/// <summary>
/// Who works on which application. Kept beside the case index, outside the workflow (the procedure does not know who
/// works on it, and orchestration history does not grow with it); the worklist rows carry a copy, so that the views
/// (<see cref="WorklistView"/>) stay a read of the worklist, and every write the workflow makes to the case index keeps it.
/// </summary>
public interface ICaseAssignments
{
    /// <summary>The case and its assignment, or null while the case index has no row for the application.</summary>
    Task<AssignmentSlot?> GetAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="changed"/> if the case's row is still as <paramref name="read"/> found it, and then onto its
    /// worklist row; false when something changed it since (read again and decide again).
    /// </summary>
    Task<bool> TryChangeAsync(AssignmentSlot read, CaseAssignment changed, CancellationToken cancellationToken);

    /// <summary>Remembers a person who works on applications (with the latest display name known).</summary>
    Task NoteCaseworkerAsync(Assignee assignee, CancellationToken cancellationToken);

    /// <summary>A person remembered by <see cref="NoteCaseworkerAsync"/>, or null.</summary>
    Task<Assignee?> FindCaseworkerAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Everyone who ever claimed or was assigned an application.</summary>
    Task<IReadOnlyList<Assignee>> ListCaseworkersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A page of the worklist (nearest due date first) in <paramref name="view"/>; <paramref name="subject"/> is the
    /// caller's for <see cref="WorklistView.Mine"/>. A page holds up to <paramref name="pageSize"/> items.
    /// </summary>
    Task<AssignedWorklistPage> ListWorklistAsync(WorklistView view, string? subject, int pageSize, string? continuation, CancellationToken cancellationToken);

    /// <summary>The worklist counted by assignee.</summary>
    Task<WorklistLoad> CountWorklistAsync(CancellationToken cancellationToken);
}
