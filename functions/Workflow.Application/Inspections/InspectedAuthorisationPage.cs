namespace Workflow.Application.Inspections;

/// <summary><c>GET /api/inspections/grants</c>: a page of authorisations and the token for the next page (null on the last).</summary>
public sealed record InspectedAuthorisationPage(IReadOnlyList<InspectedAuthorisation> Items, string? Continuation);
