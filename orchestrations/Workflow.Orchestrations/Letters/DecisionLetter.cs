using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// The decision letter kept with the dossier and sent to employer and worker, in Dutch with an English translation. A
/// grant carries the rights-and-duties information and the info-desk link (§2.8); a refusal or an inadmissibility
/// lists each ground with its section (§2.1); every decision but a withdrawal states the appeal route.
/// </summary>
public static class DecisionLetter
{
    public static Letter Compose(
        ApplicationDossier dossier, Outcome outcome, IReadOnlyList<string> groundCodes, DateTimeOffset decidedAt, LetterSettings settings, PolicyCatalog policy)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(settings);
        IReadOnlyList<CitedGround> grounds = LetterWording.Grounds(groundCodes, required: false);
        DateOnly date = PolicyCatalog.BelgianDate(decidedAt);
        string worker = $"{dossier.Worker.GivenName} {dossier.Worker.FamilyName}";
        LetterAddressee addressee = dossier.Employer is { } employer
            ? new LetterAddressee(employer.Name, $"KBO {employer.Kbo}")
            : new LetterAddressee(worker, dossier.SelfEmployed?.Kbo is { } kbo ? $"KBO {kbo}" : null);

        return new Letter(
            LetterKind.Decision,
            dossier.ApplicationId,
            date,
            addressee,
            Dutch(dossier, outcome, grounds.Count > 0, date, worker, settings),
            English(dossier, outcome, grounds.Count > 0, date, worker, settings),
            grounds,
            outcome == Outcome.Withdrawn ? null : AppealRoute.On(date, policy));
    }

    static LetterPart Dutch(ApplicationDossier dossier, Outcome outcome, bool hasGrounds, DateOnly date, string worker, LetterSettings settings)
    {
        const LetterLanguage Language = LetterLanguage.Dutch;
        var paragraphs = new List<string>();
        var closing = new List<string>();
        switch (outcome)
        {
            case Outcome.Granted:
                paragraphs.Add("De toelating tot arbeid wordt verleend.");
                closing.Add(
                    "Uw rechten en plichten. U hebt recht op het loon, de arbeidstijd en de arbeidsvoorwaarden die in uw arbeidsovereenkomst zijn " +
                    "afgesproken en die de Belgische wet vastlegt. Uw werkgever moet u informeren over uw job en uw arbeidsvoorwaarden en mag uw " +
                    "identiteitsdocumenten niet bijhouden. Worden uw rechten niet gerespecteerd, dan kunt u dat eenvoudig en veilig melden.");
                closing.Add($"Informatie en melden: infopunt Your Future in Flanders, {settings.InfoDeskUrl}");
                break;
            case Outcome.Withdrawn:
                paragraphs.Add(
                    "De aanvraag werd ingetrokken voordat een beslissing werd genomen; de procedure eindigt hier. Een nieuwe aanvraag kan op elk moment worden ingediend.");
                break;
            case Outcome.Refused:
                paragraphs.Add(hasGrounds ? "De aanvraag wordt geweigerd om de volgende redenen." : "De aanvraag wordt geweigerd.");
                break;
            default:
                paragraphs.Add(hasGrounds ? "De aanvraag is onontvankelijk om de volgende redenen." : "De aanvraag is onontvankelijk.");
                break;
        }

        return new LetterPart(
            Language,
            "Beslissing over een aanvraag van een toelating tot arbeid",
            Facts(dossier, worker, Language, ("Dossier", "Categorie", "Werkgever", "Werknemer", "Datum van de beslissing", "Beslissing"), date, outcome switch
            {
                Outcome.Granted => "TOEGEKEND",
                Outcome.Refused => "GEWEIGERD",
                Outcome.Withdrawn => "INGETROKKEN op verzoek van de aanvrager",
                _ => "ONONTVANKELIJK",
            }),
            paragraphs,
            closing);
    }

    static LetterPart English(ApplicationDossier dossier, Outcome outcome, bool hasGrounds, DateOnly date, string worker, LetterSettings settings)
    {
        const LetterLanguage Language = LetterLanguage.English;
        var paragraphs = new List<string>();
        var closing = new List<string>();
        switch (outcome)
        {
            case Outcome.Granted:
                paragraphs.Add("The work authorisation is granted.");
                closing.Add(
                    "Your rights and duties. You have the right to the wage, working time and working conditions agreed in your contract and set by " +
                    "Belgian law. Your employer must inform you of your job and working conditions and may not keep your identity documents. If your " +
                    "rights are not respected, you can report it easily and safely.");
                closing.Add($"Information and reporting: Your Future in Flanders info desk, {settings.InfoDeskUrl}");
                break;
            case Outcome.Withdrawn:
                paragraphs.Add(
                    "The application was withdrawn before a decision was taken; the procedure ends here. A new application can be filed at any time.");
                break;
            case Outcome.Refused:
                paragraphs.Add(hasGrounds ? "The application is refused on the following grounds." : "The application is refused.");
                break;
            default:
                paragraphs.Add(hasGrounds ? "The application is inadmissible on the following grounds." : "The application is inadmissible.");
                break;
        }

        return new LetterPart(
            Language,
            "Decision on an application for a work authorisation (toelating tot arbeid)",
            Facts(dossier, worker, Language, ("Application", "Category", "Employer", "Worker", "Date of decision", "Decision"), date, outcome switch
            {
                Outcome.Granted => "GRANTED",
                Outcome.Refused => "REFUSED",
                Outcome.Withdrawn => "WITHDRAWN at the applicant's request",
                _ => "INADMISSIBLE",
            }),
            paragraphs,
            closing);
    }

    static LetterFact[] Facts(
        ApplicationDossier dossier,
        string worker,
        LetterLanguage language,
        (string Application, string Category, string Employer, string Worker, string Date, string Decision) labels,
        DateOnly date,
        string decision) =>
    [
        new(labels.Application, dossier.ApplicationId),
        new(labels.Category, LetterWording.Category(dossier.Category, language)),
        .. dossier.Employer is { } employer ? [new LetterFact(labels.Employer, LetterWording.Enterprise(employer.Name, employer.Kbo))] : Array.Empty<LetterFact>(),
        new(labels.Worker, worker),
        new(labels.Date, LetterWording.Date(date, language)),
        new(labels.Decision, decision),
    ];
}
