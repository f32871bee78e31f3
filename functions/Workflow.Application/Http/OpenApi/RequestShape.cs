namespace Workflow.Application.Http.OpenApi;

/// <summary>A request body's required members, its exclusive alternatives, and notes on members.</summary>
/// <param name="Required">Members every request must have.</param>
/// <param name="OneOf">Alternatives of which exactly one holds.</param>
/// <param name="AnyOf">Alternatives of which at least one holds.</param>
/// <param name="NotTogether">Members a request must not give all together.</param>
/// <param name="Notes">Descriptions of members whose rules their type cannot carry.</param>
internal sealed record RequestShape(
    IReadOnlyList<string> Required,
    IReadOnlyList<RequestAlternative>? OneOf = null,
    IReadOnlyList<RequestAlternative>? AnyOf = null,
    IReadOnlyList<string>? NotTogether = null,
    IReadOnlyDictionary<string, string>? Notes = null);
