using Microsoft.OpenApi;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// The problem bodies (RFC 9457) as the API writes them: type, title and status always, detail when there is more to
/// say, the member errors of a validation problem, and the request's trace id, which the problem writer adds.
/// </summary>
internal static class ProblemSchemas
{
    public static void Apply(OpenApiDocument document)
    {
        foreach (string name in new[] { ApiComponents.ProblemSchema, ApiComponents.ValidationProblemSchema })
        {
            if (document.Components?.Schemas?.TryGetValue(name, out IOpenApiSchema? component) != true || component is not OpenApiSchema schema)
            {
                continue;
            }

            schema.Description = name == ApiComponents.ProblemSchema
                ? "A problem (RFC 9457): what went wrong, never anything that would help a forger or disclose another's data."
                : "A problem (RFC 9457) of a request that is not valid; `errors` lists the messages by member path (for example `worker.insz`).";
            schema.Required = new HashSet<string>(["type", "title", "status"], StringComparer.Ordinal);
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            schema.Properties["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The request's trace id (W3C trace context), to find it in the logs.",
            };
        }
    }
}
