namespace Workflow.Application.Inspections;

/// <summary><c>GET /api/inspections/applications</c>: a page of an employer's applications, newest first, and the token for the next page.</summary>
public sealed record InspectedApplicationPage(IReadOnlyList<InspectedApplication> Items, string? Continuation);
