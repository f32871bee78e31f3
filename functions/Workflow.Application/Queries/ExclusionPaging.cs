namespace Workflow.Application.Queries;

/// <summary>A page request: how many exclusions, and the exclusion id to start at (from the continuation token; null for the first page).</summary>
public sealed record ExclusionPaging(int PageSize, string? StartAt);
