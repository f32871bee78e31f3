using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// The letters of the withdrawal of a granted work authorisation (§2.1), to the employer, in Dutch with an English
/// translation: the invitation to be heard before the decision, and the decision to withdraw. Both cite their §2.1
/// grounds by code from the catalogue (<see cref="Domain.DecisionGrounds"/>); the decision states the appeal route. The
/// inputs are what the workflow knows plus the employer's name from the dossier; render with <see cref="LetterPdf"/>
/// and keep under <see cref="LetterNames.Pdf"/>.
/// </summary>
public static class WithdrawalLetters
{
    /// <param name="applicationId">The application whose authorisation would be withdrawn (the letter's reference).</param>
    /// <param name="employerName">The employer's name, as in the dossier.</param>
    /// <param name="employerKbo">The employer's KBO number.</param>
    /// <param name="groundCodes">The grounds the withdrawal would rest on: at least one, each in the catalogue.</param>
    /// <param name="hearingDeadline">By when the employer may send its position or ask to be heard (policy time).</param>
    /// <param name="invitedAt">The letter's date (policy time).</param>
    public static Letter HearingInvitation(
        string applicationId, string employerName, string employerKbo, IReadOnlyList<string> groundCodes, DateTimeOffset hearingDeadline, DateTimeOffset invitedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(employerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(employerKbo);
        IReadOnlyList<CitedGround> grounds = LetterWording.Grounds(groundCodes, required: true);
        DateOnly date = PolicyCatalog.BelgianDate(invitedAt);
        DateOnly deadline = PolicyCatalog.BelgianDate(hearingDeadline);
        string nlDeadline = LetterWording.Date(deadline, LetterLanguage.Dutch);
        string enDeadline = LetterWording.Date(deadline, LetterLanguage.English);

        return new Letter(
            LetterKind.HearingInvitation,
            applicationId,
            date,
            new LetterAddressee(employerName, $"KBO {employerKbo}"),
            new LetterPart(
                LetterLanguage.Dutch,
                "Uitnodiging om gehoord te worden over de voorgenomen intrekking van een toelating tot arbeid",
                [
                    new("Dossier", applicationId),
                    new("Werkgever", LetterWording.Enterprise(employerName, employerKbo)),
                    new("Uiterste datum voor uw reactie", nlDeadline),
                ],
                ["Na een controle overweegt de administratie de toelating tot arbeid die in dit dossier werd verleend in te trekken, om de volgende redenen."],
                [
                    "Voordat de administratie beslist, hebt u het recht om gehoord te worden. U kunt uw standpunt en uw stukken schriftelijk bezorgen, " +
                    $"of vragen om mondeling gehoord te worden, uiterlijk op {nlDeadline}. Reageert u niet tegen die datum, dan beslist de administratie " +
                    "op basis van het dossier zoals het dan is.",
                    "Deze brief is nog geen beslissing.",
                ]),
            new LetterPart(
                LetterLanguage.English,
                "Invitation to be heard on the intended withdrawal of a work authorisation",
                [
                    new("Application", applicationId),
                    new("Employer", LetterWording.Enterprise(employerName, employerKbo)),
                    new("Reply by", enDeadline),
                ],
                ["After an inspection, the administration intends to withdraw the work authorisation granted in this file, on the following grounds."],
                [
                    "Before the administration decides, you have the right to be heard. You can send your position and your documents in writing, " +
                    $"or ask to be heard in person, by {enDeadline} at the latest. Without a reply by that date, the administration decides on the file as it stands.",
                    "This letter is not yet a decision.",
                ]),
            grounds,
            AppealRoute: null);
    }

    /// <param name="applicationId">The application whose authorisation is withdrawn (the letter's reference).</param>
    /// <param name="employerName">The employer's name, as in the dossier.</param>
    /// <param name="employerKbo">The employer's KBO number.</param>
    /// <param name="groundCodes">The §2.1 grounds the caseworker cited: at least one, each in the catalogue.</param>
    /// <param name="decidedAt">The decision's time (policy time): the letter's date and the withdrawal's start.</param>
    /// <param name="policy">The policy data, for the appeal route in force on the decision date.</param>
    public static Letter WithdrawalDecision(
        string applicationId, string employerName, string employerKbo, IReadOnlyList<string> groundCodes, DateTimeOffset decidedAt, PolicyCatalog policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(employerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(employerKbo);
        IReadOnlyList<CitedGround> grounds = LetterWording.Grounds(groundCodes, required: true);
        DateOnly date = PolicyCatalog.BelgianDate(decidedAt);
        string nlDate = LetterWording.Date(date, LetterLanguage.Dutch);
        string enDate = LetterWording.Date(date, LetterLanguage.English);

        return new Letter(
            LetterKind.WithdrawalDecision,
            applicationId,
            date,
            new LetterAddressee(employerName, $"KBO {employerKbo}"),
            new LetterPart(
                LetterLanguage.Dutch,
                "Beslissing tot intrekking van een toelating tot arbeid",
                [
                    new("Dossier", applicationId),
                    new("Werkgever", LetterWording.Enterprise(employerName, employerKbo)),
                    new("Datum van de beslissing", nlDate),
                    new("Beslissing", "INGETROKKEN"),
                ],
                [$"De toelating tot arbeid die in dit dossier werd verleend, wordt ingetrokken vanaf {nlDate}, om de volgende redenen."],
                ["Vanaf die datum mag de werknemer op grond van deze toelating niet meer bij u werken."]),
            new LetterPart(
                LetterLanguage.English,
                "Decision to withdraw a work authorisation",
                [
                    new("Application", applicationId),
                    new("Employer", LetterWording.Enterprise(employerName, employerKbo)),
                    new("Date of decision", enDate),
                    new("Decision", "WITHDRAWN"),
                ],
                [$"The work authorisation granted in this file is withdrawn from {enDate}, on the following grounds."],
                ["From that date the worker may no longer work for you on the basis of this authorisation."]),
            grounds,
            AppealRoute.On(date, policy));
    }
}
