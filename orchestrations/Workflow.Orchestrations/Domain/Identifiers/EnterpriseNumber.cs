using System.Globalization;

namespace Workflow.Orchestrations.Domain.Identifiers;

/// <summary>
/// KBO enterprise numbers (docs/design.md#identifiers): 10 digits starting with 0 or 1; the last two are 97 − (first 8 digits mod 97).
/// "0123.456.749" and "BE0123456749" are accepted and normalised to "0123456749".
/// </summary>
public static class EnterpriseNumber
{
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 20)
        {
            return null;
        }

        string trimmed = value.Trim();
        if (trimmed.StartsWith("BE", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[2..];
        }

        string digits = string.Concat(trimmed.Where(c => c is not ('.' or ' ' or '-')));
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>Checks the number; on success <paramref name="normalized"/> holds the 10 digits.</summary>
    public static bool IsValid(string? value, out string normalized)
    {
        normalized = string.Empty;
        string? digits = Normalize(value);
        if (digits is not { Length: 10 } || digits[0] is not ('0' or '1'))
        {
            return false;
        }

        long firstEight = long.Parse(digits.AsSpan(0, 8), CultureInfo.InvariantCulture);
        int check = int.Parse(digits.AsSpan(8, 2), CultureInfo.InvariantCulture);
        if (97 - (firstEight % 97) != check)
        {
            return false;
        }

        normalized = digits;
        return true;
    }
}
