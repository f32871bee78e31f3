namespace Workflow.Application.Queries;

/// <summary><c>GET /api/exclusions</c>: a page of exclusions in id order, and the token of the next page (absent after the last).</summary>
public sealed record ExclusionPage(IReadOnlyList<ExclusionView> Items, string? Continuation);
