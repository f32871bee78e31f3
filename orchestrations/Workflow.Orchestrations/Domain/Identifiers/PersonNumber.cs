using System.Globalization;

namespace Workflow.Orchestrations.Domain.Identifiers;

/// <summary>The two kinds of Belgian person number.</summary>
public enum PersonNumberKind
{
    /// <summary>National register number (INSZ / rijksregisternummer).</summary>
    Insz,

    /// <summary>BIS number, for people who are not in the national register: birth month + 20 or + 40.</summary>
    Bis,
}

/// <summary>The result of checking a person number: its kind and the birth date it encodes, when known.</summary>
public sealed record PersonNumberCheck(bool IsValid, PersonNumberKind? Kind, DateOnly? BirthDate, string? Error)
{
    internal static PersonNumberCheck Invalid(string error) => new(false, null, null, error);
}

/// <summary>
/// INSZ and BIS numbers (docs/design.md#identifiers): 11 digits YYMMDD SSS CC, CC = 97 − (first 9 digits mod 97); for births from
/// 2000 a 2 is prefixed to the 9 digits before the modulo. A BIS number has the birth month + 20 (sex unknown at
/// issue) or + 40 (sex known). Month or day 00 means "unknown" and is accepted.
/// </summary>
public static class PersonNumber
{
    /// <summary>Strips the usual separators ("85.07.30-033.28") and returns the digits, or null when anything else is left.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 20)
        {
            return null;
        }

        string digits = string.Concat(value.Where(c => c is not ('.' or '-' or ' ')));
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static PersonNumberCheck Check(string? value)
    {
        string? digits = Normalize(value);
        if (digits is null || digits.Length != 11)
        {
            return PersonNumberCheck.Invalid("must be 11 digits");
        }

        long firstNine = long.Parse(digits.AsSpan(0, 9), CultureInfo.InvariantCulture);
        int check = int.Parse(digits.AsSpan(9, 2), CultureInfo.InvariantCulture);
        int century;
        if (97 - (firstNine % 97) == check)
        {
            century = 1900;
        }
        else if (97 - ((2_000_000_000L + firstNine) % 97) == check)
        {
            century = 2000;
        }
        else
        {
            return PersonNumberCheck.Invalid("check digits do not match");
        }

        int year = century + int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        int month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        int day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        int sequence = int.Parse(digits.AsSpan(6, 3), CultureInfo.InvariantCulture);

        PersonNumberKind kind = PersonNumberKind.Insz;
        if (month >= 40)
        {
            kind = PersonNumberKind.Bis;
            month -= 40;
        }
        else if (month >= 20)
        {
            kind = PersonNumberKind.Bis;
            month -= 20;
        }

        if (month > 12 || day > 31 || sequence is 0 or > 998)
        {
            return PersonNumberCheck.Invalid("date or sequence part is out of range");
        }

        DateOnly? birthDate = null;
        if (month > 0 && day > 0)
        {
            if (day > DateTime.DaysInMonth(year, month))
            {
                return PersonNumberCheck.Invalid("date part is not a calendar date");
            }

            birthDate = new DateOnly(year, month, day);
        }

        return new PersonNumberCheck(true, kind, birthDate, null);
    }
}
