using Microsoft.OpenApi;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// A type written with a discriminator (<c>[JsonPolymorphic]</c>, e.g. the application's status by audience) is one of
/// its derived types, exactly one: <c>oneOf</c> with the discriminator, where the generator says <c>anyOf</c>. The derived
/// schemas keep their own type's name (the generator prefixes the base's) and always carry the discriminator member.
/// </summary>
internal static class PolymorphicSchemas
{
    public static void Apply(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return;
        }

        foreach ((string baseName, IOpenApiSchema component) in schemas.ToList())
        {
            if (component is not OpenApiSchema { Discriminator: { PropertyName: { } member, Mapping: { Count: > 0 } mapping } } polymorphic)
            {
                continue;
            }

            var derived = new List<IOpenApiSchema>();
            foreach ((string value, OpenApiSchemaReference target) in mapping.ToList())
            {
                string id = target.Reference.Id ?? throw new InvalidOperationException($"{baseName}: the mapping of '{value}' names no schema.");
                string name = id.StartsWith(baseName, StringComparison.Ordinal) && id.Length > baseName.Length ? id[baseName.Length..] : id;
                if (name != id)
                {
                    if (schemas.ContainsKey(name))
                    {
                        throw new InvalidOperationException($"{baseName}: the derived schema {id} cannot take the name {name}, which another schema has.");
                    }

                    schemas[name] = schemas[id];
                    schemas.Remove(id);
                }

                if (schemas[name] is OpenApiSchema schema)
                {
                    schema.Type ??= JsonSchemaType.Object;
                    schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
                    schema.Required.Add(member);
                }

                var reference = new OpenApiSchemaReference(name, document);
                mapping[value] = reference;
                derived.Add(reference);
            }

            polymorphic.AnyOf = null;
            polymorphic.OneOf = derived;
        }
    }
}
