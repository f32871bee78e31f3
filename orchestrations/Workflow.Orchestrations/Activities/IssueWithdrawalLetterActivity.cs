using System.Globalization;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Writes a withdrawal's letter (the hearing invitation or the decision) into the grant's dossier as a PDF, beside its
/// decision letter: Dutch with an English translation (<see cref="WithdrawalLetters"/>), naming the withdrawal and, in the
/// decision, that the federal office is told and which exclusion is proposed. The fixed name per withdrawal and letter
/// makes a retry overwrite, not duplicate. A hearing invitation is dated when it is written and names the last moment to
/// answer counted from then, which it returns for the workflow to keep: the letter and the timer agree, and a slow write
/// never shortens the employer's term.
/// </summary>
public sealed class IssueWithdrawalLetterActivity(IDossierStore dossiers, PolicyCatalog policy, TimeProvider time)
    : TaskActivity<WithdrawalLetterRequest, LetterWritten>
{
    /// <summary>The letter's name in the grant's dossier.</summary>
    public static string LetterName(string withdrawalId, WithdrawalLetterKind letter) => letter switch
    {
        WithdrawalLetterKind.HearingInvitation => $"withdrawal-{withdrawalId}-{LetterNames.Pdf(LetterKind.HearingInvitation)}",
        _ => $"withdrawal-{withdrawalId}-{LetterNames.Pdf(LetterKind.WithdrawalDecision)}",
    };

    public override async Task<LetterWritten> RunAsync(TaskActivityContext context, WithdrawalLetterRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DateTimeOffset? answerBy = null;
        if (input.Hearing is { } hearing)
        {
            (DateOnly dated, DateOnly lastDay, DateTimeOffset deadline) = HearingDates(hearing, time.GetUtcNow());
            answerBy = deadline;
            input = input with { Dated = dated, AnswerBy = lastDay };
        }

        ApplicationDossier dossier = await dossiers.GetApplicationAsync(input.AuthorisationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"The dossier of application {input.AuthorisationId} is missing.");
        (string name, string kbo) = dossier.Employer is { } employer
            ? (employer.Name, employer.Kbo)
            : ($"{dossier.Worker.GivenName} {dossier.Worker.FamilyName}", dossier.SelfEmployed?.Kbo ?? dossier.ApplicantKey);
        Letter letter = Compose(input, name, kbo, policy);
        string reference = await dossiers.SaveLetterAsync(
            input.AuthorisationId, LetterName(input.WithdrawalId, input.Letter), LetterFile.Pdf(LetterPdf.Render(letter)), CancellationToken.None);
        return new LetterWritten(input.Letter, reference, answerBy);
    }

    /// <summary>
    /// An invitation written at <paramref name="realNow"/>: dated that (policy) day, the last day to answer the term's
    /// days later, and the deadline the workflow keeps: the end of that last day, as the letter says "by that date at
    /// the latest".
    /// </summary>
    public static (DateOnly Dated, DateOnly LastDay, DateTimeOffset Deadline) HearingDates(HearingTerm hearing, DateTimeOffset realNow)
    {
        ArgumentNullException.ThrowIfNull(hearing);
        DateOnly dated = PolicyCatalog.BelgianDate(hearing.Clock.ToPolicy(realNow));
        DateOnly lastDay = dated.AddDays(hearing.Days);
        return (dated, lastDay, PolicyCatalog.EndOfBelgianDay(lastDay));
    }

    /// <summary>The letter: the shared wording, plus the withdrawal's reference and, in the decision, what follows from it.</summary>
    public static Letter Compose(WithdrawalLetterRequest input, string employerName, string employerKbo, PolicyCatalog policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Letter == WithdrawalLetterKind.HearingInvitation)
        {
            Letter invitation = WithdrawalLetters.HearingInvitation(
                input.AuthorisationId, employerName, employerKbo, [input.Ground], Noon(input.AnswerBy ?? input.Dated), Noon(input.Dated));
            return WithReference(invitation, input.WithdrawalId);
        }

        Letter decision = WithdrawalLetters.WithdrawalDecision(input.AuthorisationId, employerName, employerKbo, [input.Ground], Noon(input.Dated), policy);
        string months = input.ExclusionMonths.ToString(CultureInfo.InvariantCulture);
        return WithReference(decision, input.WithdrawalId) with
        {
            Dutch = decision.Dutch with
            {
                Closing =
                [
                    .. decision.Dutch.Closing,
                    "De federale Dienst Vreemdelingenzaken is op de hoogte gebracht.",
                    $"De werkgever en zijn huidige bestuurders worden voorgesteld voor uitsluiting van de aanvraagprocedure gedurende {months} maanden (§2.1); de uitsluiting geldt zodra een tweede persoon ze bevestigt.",
                ],
            },
            English = decision.English with
            {
                Closing =
                [
                    .. decision.English.Closing,
                    "The federal Immigration Office has been informed.",
                    $"The employer and its current directors are proposed for exclusion from the application procedure for {months} months (§2.1); the exclusion applies once a second person confirms it.",
                ],
            },
        };
    }

    /// <summary>The withdrawal's own reference among the letter's particulars.</summary>
    static Letter WithReference(Letter letter, string withdrawalId) => letter with
    {
        Dutch = letter.Dutch with { Facts = [.. letter.Dutch.Facts, new LetterFact("Kenmerk intrekking", withdrawalId)] },
        English = letter.English with { Facts = [.. letter.English.Facts, new LetterFact("Withdrawal reference", withdrawalId)] },
    };

    /// <summary>A Belgian date as an instant on that date (noon UTC is that date in Brussels, summer or winter).</summary>
    static DateTimeOffset Noon(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
