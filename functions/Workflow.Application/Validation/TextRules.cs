using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Application.Validation;

/// <summary>Rules for free text and codes: lengths, no control or invisible formatting characters, no markup.</summary>
public static partial class TextRules
{
    /// <summary>Ids chosen by clients (submission, payment, decision ids): letters, digits, '.', '_', '-', ':'.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}\\z", RegexOptions.CultureInvariant)]
    public static partial Regex ClientId();

    [GeneratedRegex("^[A-Z0-9]{5,20}\\z", RegexOptions.CultureInvariant)]
    public static partial Regex PassportNumber();

    [GeneratedRegex("^[A-Z]{3}\\z", RegexOptions.CultureInvariant)]
    public static partial Regex CountryCode();

    /// <summary>Codes of the migration list and other kebab-case codes.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}\\z", RegexOptions.CultureInvariant)]
    public static partial Regex OccupationCode();

    /// <summary>Checks a person's name: letters (any script), combining marks, spaces, apostrophes, hyphens and periods.</summary>
    public static void PersonName(ValidationErrors errors, string field, string? value)
    {
        if (!errors.Require(field, value))
        {
            return;
        }

        string text = value!.Normalize(NormalizationForm.FormC);
        if (text.Length > 100)
        {
            errors.Add(field, "must be at most 100 characters");
        }

        foreach (Rune rune in text.EnumerateRunes())
        {
            UnicodeCategory category = Rune.GetUnicodeCategory(rune);
            bool allowed = Rune.IsLetter(rune)
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                || rune.Value is ' ' or '\'' or '\u2019' or '-' or '.';
            if (!allowed)
            {
                errors.Add(field, $"contains a character that is not allowed in a name (U+{rune.Value:X4})");
                return;
            }
        }
    }

    /// <summary>Checks free text (names of organisations, job titles, motivations): printable, no markup, bounded.</summary>
    public static void FreeText(ValidationErrors errors, string field, string? value, int maxLength, bool required = true)
    {
        if (value is null && !required)
        {
            return;
        }

        if (!errors.Require(field, value))
        {
            return;
        }

        if (value!.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters");
        }

        if (value.IndexOfAny(['<', '>']) >= 0)
        {
            errors.Add(field, "must not contain '<' or '>'");
        }

        foreach (Rune rune in value.EnumerateRunes())
        {
            UnicodeCategory category = Rune.GetUnicodeCategory(rune);
            bool newline = rune.Value is '\n' or '\r' or '\t';
            if (!newline && category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                errors.Add(field, $"contains a control or invisible character (U+{rune.Value:X4})");
                return;
            }
        }
    }

    public static void Email(ValidationErrors errors, string field, string? value, bool required = true)
    {
        if (value is null && !required)
        {
            return;
        }

        if (!errors.Require(field, value))
        {
            return;
        }

        bool valid = value!.Length <= 254
            && value.All(c => c > ' ' && c < 127 && c is not ('<' or '>' or '"' or '(' or ')' or ',' or ';'))
            && MailAddress.TryCreate(value, out MailAddress? address)
            && address.Address == value
            && address.Host.Contains('.', StringComparison.Ordinal);
        if (!valid)
        {
            errors.Add(field, "is not a valid e-mail address");
        }
    }

    public static void Id(ValidationErrors errors, string field, string? value)
    {
        if (errors.Require(field, value) && !ClientId().IsMatch(value!))
        {
            errors.Add(field, "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
    }
}
