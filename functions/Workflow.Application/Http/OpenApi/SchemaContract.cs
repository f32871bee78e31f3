using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// Makes the component schemas say what goes over the wire. The API never writes null (members without a value are
/// left out), so no schema lists null, in a type or an enum; a response member that may be left out is not required,
/// one that is always written is. Request bodies are read strictly: their required members and exclusive alternatives
/// come from <see cref="RequestSchemas"/>, and they allow no other members.
/// </summary>
internal static partial class SchemaContract
{
    public static void Apply(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return;
        }

        foreach ((string name, IOpenApiSchema component) in schemas)
        {
            if (component is not OpenApiSchema schema)
            {
                continue;
            }

            HashSet<string> optional = StripNulls(schema);
            Reflow(schema);
            if (RequestSchemas.ByName.TryGetValue(name, out RequestShape? shape))
            {
                ApplyRequestShape(name, schema, shape);
            }
            else if (schema.Required is { } required)
            {
                required.ExceptWith(optional);
            }
        }
    }

    /// <summary>
    /// Descriptions from the code's XML documentation keep its line breaks and indentation; as prose they read on one line.
    /// </summary>
    static void Reflow(OpenApiSchema schema)
    {
        schema.Description = Reflowed(schema.Description);
        foreach (IOpenApiSchema property in schema.Properties?.Values ?? [])
        {
            switch (property)
            {
                case OpenApiSchemaReference reference when reference.Description is { } text:
                    reference.Description = Reflowed(text);
                    break;
                case OpenApiSchema inline:
                    inline.Description = Reflowed(inline.Description);
                    break;
            }
        }
    }

    static string? Reflowed(string? text) => text is null ? null : Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Removes null from the schema and the schemas inside it; returns the members that were nullable (so may be left out).</summary>
    static HashSet<string> StripNulls(OpenApiSchema schema)
    {
        var nullable = new HashSet<string>(StringComparer.Ordinal);
        if (schema.Properties is { } properties)
        {
            foreach (string member in properties.Keys.ToList())
            {
                (IOpenApiSchema stripped, bool wasNullable) = WithoutNull(properties[member]);
                properties[member] = stripped;
                if (wasNullable)
                {
                    nullable.Add(member);
                }
            }
        }

        if (schema.Items is { } items)
        {
            schema.Items = WithoutNull(items).Schema;
        }

        if (schema.AdditionalProperties is { } additional)
        {
            schema.AdditionalProperties = WithoutNull(additional).Schema;
        }

        foreach (IList<IOpenApiSchema>? group in new[] { schema.OneOf, schema.AnyOf, schema.AllOf })
        {
            for (int i = 0; group is not null && i < group.Count; i++)
            {
                group[i] = WithoutNull(group[i]).Schema;
            }
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            for (int i = values.Count - 1; i >= 0; i--)
            {
                if (values[i] is null || values[i]!.GetValueKind() == System.Text.Json.JsonValueKind.Null)
                {
                    values.RemoveAt(i);
                }
            }

            if (values.All(v => v is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String))
            {
                schema.Type = JsonSchemaType.String;
            }
        }

        if (schema.Type is JsonSchemaType type && type != JsonSchemaType.Null)
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        return nullable;
    }

    /// <summary>The schema without null: <c>oneOf [null, X]</c> becomes X, <c>[null, T]</c> becomes T; and whether it allowed null.</summary>
    static (IOpenApiSchema Schema, bool WasNullable) WithoutNull(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema inline)
        {
            return (schema, false); // a reference: the component itself is cleaned on its own
        }

        bool nullable = inline.Type is JsonSchemaType type && type != JsonSchemaType.Null && (type & JsonSchemaType.Null) != 0;
        if (inline.OneOf is { Count: 2 } pair && pair.Count(IsNull) == 1 && inline.Properties is not { Count: > 0 })
        {
            IOpenApiSchema other = pair.Single(s => !IsNull(s));
            return (WithoutNull(other).Schema, true);
        }

        StripNulls(inline);
        return (inline, nullable);
    }

    static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };

    static void ApplyRequestShape(string name, OpenApiSchema schema, RequestShape shape)
    {
        IDictionary<string, IOpenApiSchema> properties = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        IEnumerable<string> named = shape.Required
            .Concat(shape.OneOf?.SelectMany(a => a.Required) ?? [])
            .Concat(shape.AnyOf?.SelectMany(a => a.Required) ?? [])
            .Concat(shape.NotTogether ?? [])
            .Concat(shape.Notes?.Keys ?? []);
        foreach (string member in named)
        {
            if (!properties.ContainsKey(member))
            {
                throw new InvalidOperationException($"The request schema {name} has no member '{member}' (see RequestSchemas).");
            }
        }

        schema.Required = new HashSet<string>(shape.Required, StringComparer.Ordinal);
        schema.AdditionalPropertiesAllowed = false;
        schema.AdditionalProperties = null;
        if (shape.OneOf is { } exactlyOne)
        {
            schema.OneOf = [.. exactlyOne.Select(Alternative)];
        }

        if (shape.AnyOf is { } atLeastOne)
        {
            schema.AnyOf = [.. atLeastOne.Select(Alternative)];
        }

        if (shape.NotTogether is { } exclusive)
        {
            schema.Not = new OpenApiSchema { Required = new HashSet<string>(exclusive, StringComparer.Ordinal) };
        }

        foreach ((string member, string note) in shape.Notes ?? new Dictionary<string, string>())
        {
            properties[member] = Described(properties[member], note);
        }
    }

    static IOpenApiSchema Alternative(RequestAlternative alternative) =>
        new OpenApiSchema { Title = alternative.Title, Required = new HashSet<string>(alternative.Required, StringComparer.Ordinal) };

    /// <summary>The member's schema with a description; a reference keeps its target and gets the description beside it (OpenAPI 3.1).</summary>
    static IOpenApiSchema Described(IOpenApiSchema schema, string description)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference:
                reference.Description = description;
                return reference;
            case OpenApiSchema inline:
                inline.Description = description;
                return inline;
            default:
                return schema;
        }
    }
}
