using Workflow.Application.Queries;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// Endpoint metadata: a query parameter a handler reads from the request itself, so the document describes it (a
/// parameter the generator found already is described anew).
/// </summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Description">What it means and which values it takes.</param>
/// <param name="Minimum">For a whole number: its least value; null for a string.</param>
/// <param name="Maximum">For a whole number: its greatest value.</param>
public sealed record QueryParameter(string Name, string Description, int? Minimum = null, int? Maximum = null)
{
    public static QueryParameter PageSize { get; } = new(
        "pageSize", $"How many items a page holds: 1 to {ApplicationQueries.MaxPageSize}, default {ApplicationQueries.DefaultPageSize}.", 1, ApplicationQueries.MaxPageSize);

    public static QueryParameter Continuation { get; } = new(
        "continuation", "The `continuation` of the previous page, as given; absent for the first page.");

    public static QueryParameter ApplicationFilter { get; } = new(
        "applicationId", "Only the alerts of this application (all of them, in one page).");
}
