using Workflow.Application.Assignments;

namespace Workflow.Application.Queries;

/// <summary>One change of an application's assignment (policy time), as its audit row and the dossier keep it.</summary>
public sealed record AssignmentHistoryItem(
    DateTimeOffset At,
    string Event,
    string ByRole,
    string? By,
    string? ByName,
    Assignee? Assignee,
    Assignee? Previous,
    string? Reason);
