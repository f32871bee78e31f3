namespace Workflow.Application.Queries;

/// <summary><c>GET /api/applications/{id}/documents</c>: the documents kept in the application's dossier, in the order received.</summary>
public sealed record DocumentList(string ApplicationId, IReadOnlyList<DocumentView> Documents);
