using System.Text.Json;

namespace Workflow.Orchestrations.Domain;

/// <summary>Enum values as the API and the audit log spell them (kebab-case), the same as the pinned JSON options.</summary>
public static class Codes
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
