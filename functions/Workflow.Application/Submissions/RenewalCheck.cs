using Microsoft.Extensions.Options;
using Workflow.Application.Ports;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;

namespace Workflow.Application.Submissions;

/// <summary>
/// Whether a submission may renew the authorisation it names (§2.5 renewals), checked before anything of the submission
/// is stored: the authorisation is in the register, granted to the same applicant (its grant's submission was this
/// applicant's, for the same employer KBO), for the same worker and category, granted and not withdrawn, still valid on
/// the submission date, and renewed by no other application. Then it claims the renewal for the application (a
/// conditional insert in the register), so of two renewals at once one goes on and the other is refused.
/// </summary>
/// <remarks>
/// Validity is read on the renewed application's own policy clock, as the register's dates are (equal to the calendar
/// in production; compressed days in tests and demos). A claim held by an application that closed without a grant, or
/// whose submission never got registered, is stale and taken over.
/// </remarks>
public sealed class RenewalCheck(
    IAuthorisationRegister register,
    ISubmissionLedger ledger,
    ICaseIndex caseIndex,
    IDossierStore dossiers,
    IPartyFingerprint fingerprints,
    IOptions<WorkflowSettings> settings)
{
    /// <summary>Claims of other applications looked at before giving up: each stale one taken over costs a round.</summary>
    const int MaxRounds = 3;

    public async Task<RenewalClaim> ClaimAsync(ValidatedSubmission submission, string applicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        string renews = submission.Renews ?? throw new ArgumentException("The submission renews nothing.", nameof(submission));
        string unknown = $"You hold no authorisation under application {renews} in the register: a renewal names the application id of its own grant (the grant's status shows its authorisation, decision.authorisation).";

        // Another applicant's authorisation is answered exactly as an unknown one.
        Authorisation? renewed = await register.GetAsync(renews, cancellationToken);
        SubmissionRecord? grantedSubmission = renewed is null ? null : await ledger.GetAsync(renews, cancellationToken);
        if (renewed is null || grantedSubmission is null
            || grantedSubmission.ApplicantKey != submission.ApplicantKey
            || renewed.Employer != (submission.Employer?.Kbo ?? submission.SelfEmployed?.Kbo ?? submission.ApplicantKey))
        {
            return RenewalClaim.Refused(RenewalVerdict.NotRenewable, unknown);
        }

        if (renewed.Category != submission.Category)
        {
            return RenewalClaim.Refused(
                RenewalVerdict.NotRenewable,
                $"The authorisation of application {renews} is for the category {Codes.Of(renewed.Category)}: a renewal asks for the same category (for another, submit a new application without renews).");
        }

        if (await this.SameWorkerAsync(renewed, submission.Worker, cancellationToken) is string otherWorker)
        {
            return RenewalClaim.Refused(RenewalVerdict.NotRenewable, otherWorker);
        }

        if (renewed.State != AuthorisationState.Granted)
        {
            return RenewalClaim.Refused(
                RenewalVerdict.Conflict,
                $"The authorisation of application {renews} is {Codes.Of(renewed.State)}: only a granted authorisation is renewed; submit a new application without renews.");
        }

        if (renewed.WithdrawalUnderWay)
        {
            // §2.1: an authorisation the department may withdraw for fraud is not extended while that is decided.
            return RenewalClaim.Refused(
                RenewalVerdict.Conflict,
                $"The authorisation of application {renews} is under a withdrawal procedure: it can be renewed only if it is kept once that is decided.");
        }

        PermitCase? grantedCase = await caseIndex.GetAsync(renews, cancellationToken);
        DateOnly today = PolicyCatalog.BelgianDate(grantedCase?.Clock().ToPolicy(now) ?? now);
        if (renewed.ValidUntil is DateOnly lastDay && lastDay < today)
        {
            return RenewalClaim.Refused(
                RenewalVerdict.Conflict,
                $"The authorisation of application {renews} expired: it was valid until {lastDay:yyyy-MM-dd}, and a renewal is submitted while it is still valid. Submit a new application without renews.");
        }

        return await this.ClaimRenewalAsync(renews, applicationId, now, cancellationToken);
    }

    /// <summary>Frees a claim this application made (its submission turned out a conflict).</summary>
    public Task ReleaseAsync(string renews, string applicationId, CancellationToken cancellationToken) =>
        register.ReleaseRenewalAsync(renews, applicationId, cancellationToken);

    /// <summary>Claims the renewal, taking over a stale claim; refuses when another application renews it or renewed it.</summary>
    async Task<RenewalClaim> ClaimRenewalAsync(string renews, string applicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new AuthorisationRenewal(renews, applicationId, RenewalState.Pending, now);
        for (int round = 0; round < MaxRounds; round++)
        {
            AuthorisationRenewal stored = await register.ClaimRenewalAsync(claim, cancellationToken);
            if (stored.RenewingApplicationId == applicationId)
            {
                return new RenewalClaim(RenewalVerdict.Allowed, null, MadeNow: stored == claim);
            }

            HolderState holder = stored.State == RenewalState.Renewed ? HolderState.Granted : await this.HolderAsync(stored, now, cancellationToken);
            switch (holder)
            {
                case HolderState.Granted:
                    if (stored.State == RenewalState.Pending)
                    {
                        await register.CompleteRenewalAsync(renews, stored.RenewingApplicationId, cancellationToken); // its grant's own write was cut short
                    }

                    return RenewalClaim.Refused(
                        RenewalVerdict.Conflict,
                        $"The authorisation of application {renews} was renewed by application {stored.RenewingApplicationId}: renew that authorisation instead (renews: {stored.RenewingApplicationId}).");
                case HolderState.Open:
                    return RenewalClaim.Refused(
                        RenewalVerdict.Conflict,
                        $"The authorisation of application {renews} is being renewed by application {stored.RenewingApplicationId}, still open: one renewal at a time. Follow that application, or withdraw it first.");
                case HolderState.Unfinished:
                    return RenewalClaim.Refused(
                        RenewalVerdict.Conflict,
                        $"The authorisation of application {renews} is being renewed by application {stored.RenewingApplicationId}, whose submission was not finished: send that submission again (the same body) to finish it.");
                default:
                    await register.ReleaseRenewalAsync(renews, stored.RenewingApplicationId, cancellationToken);
                    break;
            }
        }

        return RenewalClaim.Refused(
            RenewalVerdict.Conflict,
            $"The authorisation of application {renews} is claimed by other renewals at this moment: submit again in a moment.");
    }

    /// <summary>
    /// Where the application holding a pending claim stands: granted; open (or still being registered); reserved but
    /// not registered for longer than a registration may take (its submitter must send it again); or stale, when it
    /// closed without a grant (its release cut short) or its submission was never reserved although the claim is older
    /// than a registration may take.
    /// </summary>
    async Task<HolderState> HolderAsync(AuthorisationRenewal stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await caseIndex.GetAsync(stored.RenewingApplicationId, cancellationToken) is PermitCase holder)
        {
            return !holder.IsClosed ? HolderState.Open : holder.Outcome == Outcome.Granted ? HolderState.Granted : HolderState.Stale;
        }

        bool overdue = now - stored.ClaimedAt > settings.Value.SubmissionTakeOverAfter;
        return await ledger.GetAsync(stored.RenewingApplicationId, cancellationToken) switch
        {
            null => overdue ? HolderState.Stale : HolderState.Open,
            { Scheduled: false } when overdue => HolderState.Unfinished, // a retry of it takes the registration over
            _ => HolderState.Open,
        };
    }

    enum HolderState
    {
        Open,
        Unfinished,
        Granted,
        Stale,
    }

    /// <summary>
    /// Null when the submission's worker is the authorisation's: the same INSZ or BIS fingerprint, or, for a grant to a
    /// worker who had neither, the same passport number and nationality as its dossier; else why not.
    /// </summary>
    async Task<string?> SameWorkerAsync(Authorisation renewed, WorkerDetails worker, CancellationToken cancellationToken)
    {
        string other = $"The authorisation of application {renewed.ApplicationId} was granted for another worker: a renewal is for the same worker.";
        if (renewed.WorkerReference is string reference)
        {
            return AuthorisationRegistrar.WorkerReference(fingerprints, worker) == reference
                ? null
                : worker.PersonNumber is null
                    ? $"The authorisation of application {renewed.ApplicationId} was granted for a worker identified by INSZ or BIS number: give the worker's number (worker.insz or worker.bis)."
                    : other;
        }

        WorkerDetails? granted = (await dossiers.GetApplicationAsync(renewed.ApplicationId, cancellationToken))?.Worker;
        return granted is { PassportNumber: string passport, Nationality: string nationality }
            && passport == worker.PassportNumber && nationality == worker.Nationality
            ? null
            : $"{other} (The grant identified its worker by passport: give the same passport number and nationality.)";
    }
}
