namespace Workflow.Application.Http.OpenApi;

/// <summary>One way of filling a request: the members it requires.</summary>
internal sealed record RequestAlternative(string Title, IReadOnlyList<string> Required);
