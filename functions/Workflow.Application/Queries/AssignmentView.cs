using Workflow.Application.Assignments;

namespace Workflow.Application.Queries;

/// <summary>
/// <c>GET /api/applications/{id}/assignment</c>: who works on the application (none when <see cref="Assignee"/> is
/// absent) since when, and every change, oldest first, with who made it and the reason a manager gave.
/// </summary>
public sealed record AssignmentView(string ApplicationId, Assignee? Assignee, DateTimeOffset? Since, IReadOnlyList<AssignmentHistoryItem> History);
