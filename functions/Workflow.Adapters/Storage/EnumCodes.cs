using Workflow.Orchestrations.Domain;

namespace Workflow.Adapters.Storage;

/// <summary>Reads back enum values stored as their kebab-case codes (<see cref="Codes.Of{TEnum}"/>), the spelling of the API and JSON.</summary>
internal static class EnumCodes
{
    public static TEnum Parse<TEnum>(string code)
        where TEnum : struct, Enum
    {
        foreach (TEnum value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Codes.Of(value), code, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new FormatException($"'{code}' is not a {typeof(TEnum).Name} code.");
    }
}
