using System.Globalization;
using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// Words every letter shares, in Dutch and English: dates written out (fixed month names, so no culture data of the
/// machine decides how a letter reads) and the categories.
/// </summary>
internal static class LetterWording
{
    static readonly string[] DutchMonths =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Date(DateOnly date, LetterLanguage language) => string.Create(
        CultureInfo.InvariantCulture,
        $"{date.Day} {(language == LetterLanguage.Dutch ? DutchMonths : EnglishMonths)[date.Month - 1]} {date.Year}");

    public static string Category(PermitCategory category, LetterLanguage language) => language == LetterLanguage.Dutch
        ? category switch
        {
            PermitCategory.HighlySkilled => "hooggeschoolde werknemer (gecombineerde vergunning)",
            PermitCategory.MediumSkilledShortage => "middengeschoolde werknemer in een knelpuntberoep (gecombineerde vergunning)",
            PermitCategory.Other => "andere (gecombineerde vergunning)",
            PermitCategory.Seasonal => "seizoensarbeid (gecombineerde vergunning)",
            PermitCategory.MinisterOfReligion => "bedienaar van een erkende eredienst (gecombineerde vergunning)",
            PermitCategory.WorkCard => "arbeidskaart tot 90 dagen",
            _ => "beroepskaart (zelfstandige)",
        }
        : category switch
        {
            PermitCategory.HighlySkilled => "highly skilled worker (single permit)",
            PermitCategory.MediumSkilledShortage => "medium-skilled shortage occupation (single permit)",
            PermitCategory.Other => "other (single permit)",
            PermitCategory.Seasonal => "seasonal work (single permit)",
            PermitCategory.MinisterOfReligion => "minister of a recognised religion (single permit)",
            PermitCategory.WorkCard => "work card up to 90 days",
            _ => "professional card (self-employed)",
        };

    /// <summary>An enterprise as a letter names it: "Acme Logistics NV (KBO 0123456749)".</summary>
    public static string Enterprise(string name, string kbo) => $"{name} (KBO {kbo})";

    /// <summary>The grounds as the composers take them: at least one for the letters that must cite one, each from the catalogue.</summary>
    public static IReadOnlyList<CitedGround> Grounds(IReadOnlyList<string> codes, bool required)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (required && codes.Count == 0)
        {
            throw new ArgumentException("This letter cites at least one ground.", nameof(codes));
        }

        return [.. codes.Distinct(StringComparer.Ordinal).Select(CitedGround.Of)];
    }
}
