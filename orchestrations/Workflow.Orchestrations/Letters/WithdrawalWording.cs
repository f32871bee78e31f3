using System.Globalization;
using System.Text;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Register;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// What the withdrawal letters share, in Dutch and in English: the ground's description with its section, the category,
/// and the letter's heading lines (the reference, the authorisation, the employer and the worker).
/// </summary>
internal static class WithdrawalWording
{
    public const string EnglishDivider = "--- English translation ---";

    /// <summary>The Dutch descriptions of the grounds a withdrawal cites (the English ones are <see cref="DecisionGround.Description"/>).</summary>
    static readonly Dictionary<string, string> DutchGrounds = new(StringComparer.Ordinal)
    {
        [DecisionGrounds.EconomicHub.Code] = "De werkgever treedt op als economische draaischijf voor de instroom van werknemers van buiten de EU.",
        [DecisionGrounds.NonEuWorkforceOnly.Code] = "De werkgever werkt bijna uitsluitend met werknemers van buiten de EU en gaat voorbij aan de beschikbare arbeidsreserve.",
        [DecisionGrounds.FalseDocuments.Code] = "De werknemer gebruikt valse of onrechtmatig verkregen documenten.",
    };

    /// <summary>The ground's line in the Dutch text: its Dutch description, section and code.</summary>
    public static string DutchGround(string code)
    {
        DecisionGround? ground = DecisionGrounds.Find(code);
        return ground is null ? $"- {code}" : $"- {DutchGrounds.GetValueOrDefault(code, ground.Description)} ({ground.Section}, {ground.Code})";
    }

    /// <summary>The ground's line in the English translation.</summary>
    public static string EnglishGround(string code)
    {
        DecisionGround? ground = DecisionGrounds.Find(code);
        return ground is null ? $"- {code}" : $"- {ground.Description} ({ground.Section}, {ground.Code})";
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The heading lines: reference, date, authorisation, employer (or self-employed person) and worker.</summary>
    public static void Heading(StringBuilder text, bool dutch, string withdrawalId, DateOnly dated, ApplicationDossier dossier, Authorisation authorisation)
    {
        string until = authorisation.ValidUntil is DateOnly last ? Day(last) : dutch ? "onbepaalde duur" : "no end date";
        text.AppendLine(CultureInfo.InvariantCulture, $"{(dutch ? "Kenmerk" : "Reference")}: {withdrawalId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{(dutch ? "Datum" : "Date")}: {Day(dated)}");
        text.AppendLine(dutch
            ? $"Toelating tot arbeid: {authorisation.ApplicationId}, {Category(authorisation.Category, dutch)}, geldig van {Day(authorisation.ValidFrom)} tot en met {until}"
            : $"Work authorisation: {authorisation.ApplicationId}, {Category(authorisation.Category, dutch)}, valid from {Day(authorisation.ValidFrom)} to {until} inclusive");
        if (dossier.Employer is { } employer)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{(dutch ? "Werkgever" : "Employer")}: {employer.Name} (KBO {employer.Kbo})");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{(dutch ? "Werknemer" : "Worker")}: {dossier.Worker.GivenName} {dossier.Worker.FamilyName}");
    }

    static string Category(PermitCategory category, bool dutch) => (category, dutch) switch
    {
        (PermitCategory.HighlySkilled, true) => "hooggeschoolde werknemer (gecombineerde vergunning)",
        (PermitCategory.HighlySkilled, false) => "highly skilled worker (single permit)",
        (PermitCategory.MediumSkilledShortage, true) => "middengeschoolde werknemer in een knelpuntberoep (gecombineerde vergunning)",
        (PermitCategory.MediumSkilledShortage, false) => "medium-skilled shortage occupation (single permit)",
        (PermitCategory.Other, true) => "andere (gecombineerde vergunning)",
        (PermitCategory.Other, false) => "other (single permit)",
        (PermitCategory.Seasonal, true) => "seizoensarbeid (gecombineerde vergunning)",
        (PermitCategory.Seasonal, false) => "seasonal work (single permit)",
        (PermitCategory.MinisterOfReligion, true) => "bedienaar van een erkende eredienst (gecombineerde vergunning)",
        (PermitCategory.MinisterOfReligion, false) => "minister of a recognised religion (single permit)",
        (PermitCategory.WorkCard, true) => "arbeidskaart tot 90 dagen",
        (PermitCategory.WorkCard, false) => "work card up to 90 days",
        (_, true) => "beroepskaart (zelfstandige)",
        _ => "professional card (self-employed)",
    };
}
