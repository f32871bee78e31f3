using System.Globalization;
using System.Text;
using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Letters;

/// <summary>Settings for letters: the "Your Future in Flanders" info desk that every grant points to (§2.8).</summary>
public sealed record LetterSettings(Uri InfoDeskUrl);

/// <summary>
/// The decision letter kept with the dossier and sent to employer and worker. A grant carries the rights-and-duties
/// information and the info-desk link (§2.8); a refusal lists each ground with its section (§2.1).
/// </summary>
public static class DecisionLetter
{
    public static string Compose(ApplicationDossier dossier, Outcome outcome, IReadOnlyList<string> groundCodes, DateTimeOffset decidedAt, LetterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(groundCodes);
        ArgumentNullException.ThrowIfNull(settings);

        var text = new StringBuilder();
        text.AppendLine("Flemish Government - Department of Work and Social Economy - Economic Migration");
        text.AppendLine("Decision on an application for a work authorisation (toelating tot arbeid)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Application: {dossier.ApplicationId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Category: {Describe(dossier.Category)}");
        if (dossier.Employer is { } employer)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Employer: {employer.Name} (KBO {employer.Kbo})");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Worker: {dossier.Worker.GivenName} {dossier.Worker.FamilyName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Date of decision: {decidedAt:yyyy-MM-dd}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Decision: {outcome switch
        {
            Outcome.Granted => "GRANTED",
            Outcome.Refused => "REFUSED",
            Outcome.Withdrawn => "WITHDRAWN at the applicant's request",
            _ => "INADMISSIBLE",
        }}");

        if (groundCodes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Grounds:");
            foreach (string code in groundCodes)
            {
                DecisionGround? ground = DecisionGrounds.Find(code);
                text.AppendLine(ground is null
                    ? $"- {code}"
                    : $"- {ground.Description} ({ground.Section}, {ground.Code})");
            }
        }

        if (outcome == Outcome.Granted)
        {
            text.AppendLine();
            text.AppendLine("Your rights and duties");
            text.AppendLine("You have the right to the wage, working time and working conditions agreed in your contract and set by");
            text.AppendLine("Belgian law. Your employer must inform you of your job and working conditions and may not keep your");
            text.AppendLine("identity documents. If your rights are not respected, you can report it easily and safely.");
            text.AppendLine(CultureInfo.InvariantCulture, $"Information and reporting: Your Future in Flanders info desk, {settings.InfoDeskUrl}");
        }
        else if (outcome == Outcome.Withdrawn)
        {
            text.AppendLine();
            text.AppendLine("The application was withdrawn before a decision was taken; the procedure ends here. A new application can be filed at any time.");
        }
        else
        {
            text.AppendLine();
            text.AppendLine("You can appeal against this decision within the period and in the manner stated in the applicable regulations.");
        }

        return text.ToString();
    }

    static string Describe(PermitCategory category) => category switch
    {
        PermitCategory.HighlySkilled => "highly skilled worker (single permit)",
        PermitCategory.MediumSkilledShortage => "medium-skilled shortage occupation (single permit)",
        PermitCategory.Other => "other (single permit)",
        PermitCategory.Seasonal => "seasonal work (single permit)",
        PermitCategory.MinisterOfReligion => "minister of a recognised religion (single permit)",
        PermitCategory.WorkCard => "work card up to 90 days",
        _ => "professional card (self-employed)",
    };
}
