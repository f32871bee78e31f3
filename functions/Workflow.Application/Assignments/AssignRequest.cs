namespace Workflow.Application.Assignments;

/// <summary>
/// <c>PUT /api/applications/{id}/assignment</c>: a manager names who works on the application (the token subject of
/// the caseworker), optionally with the display name to show and a reason (free text, kept in the dossier).
/// </summary>
public sealed record AssignRequest(string? Caseworker, string? Name = null, string? Reason = null);
