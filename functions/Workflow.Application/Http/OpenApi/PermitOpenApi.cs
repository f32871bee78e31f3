using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// The API's OpenAPI document, the same for every host that serves it: <c>services.AddOpenApi(PermitOpenApi.DocumentName,
/// PermitOpenApi.Configure)</c> (called in the host's own project, where the OpenAPI source generator intercepts it).
/// Linted, and a client generated from it, in CI (docs/openapi.md).
/// </summary>
public static class PermitOpenApi
{
    public const string DocumentName = "v1";

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CreateSchemaReferenceId = type => type.Type == typeof(HttpValidationProblemDetails)
            ? ApiComponents.ValidationProblemSchema
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddSchemaTransformer<NumberSchemaTransformer>();
        options.AddOperationTransformer<OperationContract>();
        options.AddDocumentTransformer<DocumentContract>();
    }
}
