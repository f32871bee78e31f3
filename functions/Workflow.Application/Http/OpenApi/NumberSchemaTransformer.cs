using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// Numbers as the API writes them. The web serializer defaults also read a number written as a JSON string, and the
/// generator describes that leniency as "number or string with a pattern"; the API always writes numbers and clients
/// should send numbers, so the document says number. Amounts of money are decimals with at most two places (the API
/// writes them as it holds them, e.g. 200.00): <c>format: decimal</c> and <c>multipleOf: 0.01</c>, which generated
/// clients map to a decimal type; the only decimal that is not money is a percentage.
/// </summary>
internal sealed class NumberSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (schema.Type is not JsonSchemaType type || (type & (JsonSchemaType.Number | JsonSchemaType.Integer)) == 0)
        {
            return Task.CompletedTask;
        }

        schema.Type = type & ~JsonSchemaType.String;
        schema.Pattern = null;
        Type clrType = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (clrType == typeof(decimal))
        {
            schema.Format = "decimal";
            if (context.JsonPropertyInfo?.Name.EndsWith("Percent", StringComparison.Ordinal) != true)
            {
                schema.MultipleOf = 0.01m;
            }
        }

        return Task.CompletedTask;
    }
}
