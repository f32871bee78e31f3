using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Application.Access;
using Workflow.Application.Ports;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;
using Workflow.Orchestrations.Telemetry;
using Workflow.Orchestrations.Workflows.PermitApplication;

namespace Workflow.Application.Submissions;

/// <summary>How a submission ended.</summary>
public enum SubmissionStatus
{
    /// <summary>A new application: its workflow is scheduled.</summary>
    Accepted,

    /// <summary>The same submission again (same applicant, submission id and body): the existing application.</summary>
    Repeated,

    /// <summary>The same applicant and submission id with another body.</summary>
    Conflict,

    /// <summary>
    /// The same submission is still being registered by an earlier request that has not scheduled its workflow (it may
    /// have crashed): retry after <see cref="SubmissionResult.RetryAfter"/>; once the earlier request is overdue, a
    /// retry takes the registration over. Never reported as done, since nothing may rest on a workflow not yet scheduled.
    /// </summary>
    Registering,

    /// <summary>The request is not valid; nothing was stored.</summary>
    Invalid,

    /// <summary>The caller may not submit for the request's applicant (an employer submitting for another); nothing was stored.</summary>
    Forbidden,

    /// <summary>A renewal of an authorisation the applicant does not hold (or not for this worker or category); nothing was stored.</summary>
    NotRenewable,

    /// <summary>A renewal of an authorisation that cannot be renewed as it stands (expired, withdrawn, renewed by another); nothing was stored.</summary>
    RenewalConflict,
}

/// <param name="Reason">Why a renewal was refused.</param>
public sealed record SubmissionResult(SubmissionStatus Status, string? ApplicationId, ValidationErrors? Errors = null, TimeSpan? RetryAfter = null, Queries.FeeView? Fee = null, string? Reason = null);

/// <summary>
/// Submits an application, idempotently (docs/design.md#idempotent-submission): validate; reserve the submission in the ledger with a
/// conditional insert <b>before</b> scheduling; keep the dossier and documents; schedule the workflow with the
/// derived instance id and dedupe statuses. A repeat with the same body returns the existing application (also after
/// completion); with another body it is a conflict. A reservation whose submitter crashed before scheduling is taken
/// over by the next repeat, so no submission stays stuck. A renewal is checked and claims the authorisation it renews
/// (<see cref="RenewalCheck"/>) before the reservation; a repeat of a submission already reserved is not checked again.
/// </summary>
public sealed partial class SubmissionService(
    DurableTaskClient client,
    ISubmissionLedger ledger,
    IDossierStore dossiers,
    IAuditLog auditLog,
    IPeakPeriodCalendar peakPeriods,
    RenewalCheck renewals,
    PolicyCatalog policy,
    EligibilityCatalog eligibility,
    TimeProvider time,
    IOptions<WorkflowSettings> settings,
    IWorkerApplications workers,
    IPartyFingerprint fingerprints,
    ApplicationOwners owners,
    ILogger<SubmissionService> logger)
{
    /// <summary>The audit row of a submission, by its submitter.</summary>
    public const string SubmittedEvent = "submitted";

    /// <summary>
    /// Every status: an existing instance is never overwritten, whatever its state (docs/design.md, known difference
    /// (a) between the hosts).
    /// </summary>
    static readonly OrchestrationRuntimeStatus[] AllStatuses = [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses];

    /// <param name="applicants">Whom the caller may submit for; checked on the validated applicant key, before anything is stored.</param>
    /// <param name="submitter">Who submits, for the audit log (the person behind the employer's token).</param>
    public async Task<SubmissionResult> SubmitAsync(SubmitApplicationRequest request, ApplicantScope applicants, CancellationToken cancellationToken, Actor? submitter = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(applicants);
        DateTimeOffset now = time.GetUtcNow();
        var errors = new ValidationErrors();
        ValidatedSubmission? submission = SubmissionValidator.Validate(request, now, errors);
        if (submission is null)
        {
            return new SubmissionResult(SubmissionStatus.Invalid, null, errors);
        }

        if (!applicants.Allows(submission.ApplicantKey))
        {
            return new SubmissionResult(SubmissionStatus.Forbidden, null);
        }

        string applicationId = ApplicationIds.Derive(submission.ApplicantKey, submission.SubmissionId);
        Activity.Current?.SetTag(PermitTelemetry.ApplicationIdTag, applicationId); // the request's span: the trace of this application starts here

        // A renewal (§2.5) claims the authorisation it renews first; refused, it stores nothing. A repeat of a
        // submission already reserved is answered as any repeat, whatever became of the authorisation since.
        bool claimedNow = false;
        if (submission.Renews is not null && await ledger.GetAsync(applicationId, cancellationToken) is null)
        {
            RenewalClaim claim = await renewals.ClaimAsync(submission, applicationId, now, cancellationToken);
            switch (claim.Verdict)
            {
                case RenewalVerdict.NotRenewable:
                    return new SubmissionResult(SubmissionStatus.NotRenewable, null, Reason: claim.Reason);
                case RenewalVerdict.Conflict:
                    return new SubmissionResult(SubmissionStatus.RenewalConflict, null, Reason: claim.Reason);
            }

            claimedNow = claim.MadeNow;
        }

        // Fixed now, before anything is stored: the first answer, the status and the workflow's terms all rest on them.
        bool functionExcluded = eligibility.ExcludesFunction(submission.Category, submission.Job.VksLevel, PolicyCatalog.BelgianDate(now));
        bool peak = await this.IsPeakAsync(now, cancellationToken);
        FeeTerms? fee = functionExcluded ? null : policy.FeeFor(submission.Category, now);
        var reservation = new SubmissionRecord(
            applicationId,
            submission.ApplicantKey,
            submission.SubmissionId,
            BodyHash(request),
            submission.Category,
            now,
            fee?.AmountCents,
            fee?.Currency,
            Scheduled: false,
            ReservedAt: now,
            InPeakPeriod: peak,
            FunctionExcluded: functionExcluded,
            Renews: submission.Renews);

        (ReservationOutcome outcome, SubmissionRecord stored) = await ledger.TryReserveAsync(reservation, cancellationToken);
        owners.Remember(applicationId, stored.ApplicantKey); // the employer's next calls need not read it back
        if (outcome == ReservationOutcome.Exists)
        {
            if (stored.BodySha256 != reservation.BodySha256)
            {
                if (claimedNow && stored.Renews != submission.Renews)
                {
                    await renewals.ReleaseAsync(submission.Renews!, applicationId, cancellationToken); // this id holds another body, which renews nothing of it
                }

                return new SubmissionResult(SubmissionStatus.Conflict, applicationId);
            }

            if (stored.Scheduled)
            {
                return new SubmissionResult(SubmissionStatus.Repeated, applicationId, Fee: this.FeeOf(stored));
            }

            TimeSpan overdueIn = stored.ReservedAt + settings.Value.SubmissionTakeOverAfter - now;
            if (overdueIn > TimeSpan.Zero || !await ledger.TryTakeOverAsync(stored, now, cancellationToken))
            {
                // Another request registers it (or just took it over): answering "done" here would let the client
                // go on with an application whose workflow may never start. That request usually finishes within a
                // second or two, so the client is asked back soon rather than at the take-over moment.
                return new SubmissionResult(
                    SubmissionStatus.Registering,
                    applicationId,
                    RetryAfter: overdueIn > StillRegisteringRetry ? StillRegisteringRetry : overdueIn > TimeSpan.Zero ? overdueIn : TimeSpan.FromSeconds(1));
            }

            LogTakeOver(logger, applicationId);
        }

        // From here on, this request owns the submission; every step is safe to repeat after a crash.
        await this.RegisterAsync(submission, stored, submitter, cancellationToken);
        return new SubmissionResult(outcome == ReservationOutcome.Reserved ? SubmissionStatus.Accepted : SubmissionStatus.Repeated, applicationId, Fee: this.FeeOf(stored));
    }

    /// <summary>How soon a repeat that found another request registering the submission is asked to come back.</summary>
    static readonly TimeSpan StillRegisteringRetry = TimeSpan.FromSeconds(2);

    /// <summary>The fee as the submission answers it (what is due, the reference, by when, how to pay).</summary>
    Queries.FeeView FeeOf(SubmissionRecord stored) => Queries.ApplicationQueries.FeeAtSubmission(
        stored.ApplicationId,
        stored.FeeCents is long cents && stored.FeeCurrency is string currency ? new FeeTerms(cents, currency) : null,
        stored.SubmittedAt,
        policy.Resolve(stored.Category, stored.SubmittedAt, inPeakPeriod: false).Admissibility.CompletionDeadlineDays);

    async Task RegisterAsync(ValidatedSubmission submission, SubmissionRecord record, Actor? submitter, CancellationToken cancellationToken)
    {
        string applicationId = record.ApplicationId;
        ApplicationDossier dossier = submission.ToDossier(applicationId, record.SubmittedAt);
        await dossiers.SaveApplicationAsync(dossier, cancellationToken);
        if (PartyKeys.WorkerOf(fingerprints, dossier.Worker.PersonNumber) is string workerKey)
        {
            await workers.RecordAsync(workerKey, applicationId, cancellationToken); // the worker follows it too
        }

        foreach (ValidatedDocument document in submission.Documents)
        {
            await document.SaveAsync(dossiers, applicationId, cancellationToken);
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["category"] = JsonNamingPolicy.KebabCaseLower.ConvertName(record.Category.ToString()),
            ["documents"] = string.Join(',', submission.Documents.Select(d => $"{d.Record.Type}:{d.Record.Sha256[..12]}")),
        };
        if (record.Renews is string renews)
        {
            details["renews"] = renews;
        }

        await auditLog.AppendAsync(
            new AuditEntry(applicationId, "api-submitted", record.SubmittedAt, SubmittedEvent, Actors.Employer, details, submitter?.Subject, submitter?.Name),
            cancellationToken);

        var input = new PermitApplicationInput(
            applicationId,
            record.Category,
            record.SubmittedAt,
            settings.Value.PolicyDayLength,
            TermsOf(record, policy),
            record.FunctionExcluded,
            record.Renews);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(PermitApplicationOrchestrator),
                input,
                new Microsoft.DurableTask.StartOrchestrationOptions(applicationId).WithDedupeStatuses(AllStatuses),
                cancellationToken);
            LogScheduled(logger, applicationId, record.Category);
            PermitTelemetry.Submissions.Add(1, new KeyValuePair<string, object?>("category", Codes.Of(record.Category)));
        }
        catch (OrchestrationAlreadyExistsException)
        {
            LogAlreadyScheduled(logger, applicationId);
        }

        await ledger.MarkScheduledAsync(applicationId, cancellationToken);
    }

    /// <summary>
    /// The terms an application runs under, from its ledger record: the policy in force on the submission date, the peak
    /// period and the function exclusion as fixed when it was reserved. The workflow's input and the status shown before
    /// the workflow records anything both come from here.
    /// </summary>
    public static PermitTerms TermsOf(SubmissionRecord record, PolicyCatalog policy)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(policy);
        PermitTerms terms = policy.Resolve(record.Category, record.SubmittedAt, record.InPeakPeriod);
        return record.FunctionExcluded ? terms.ForExcludedFunction() : terms;
    }

    async Task<bool> IsPeakAsync(DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        DateOnly date = PolicyCatalog.BelgianDate(submittedAt);
        IReadOnlyList<PeakPeriod> periods = await peakPeriods.ListAsync(cancellationToken);
        return periods.Any(p => p.From <= date && date <= p.To);
    }

    /// <summary>The hash of the request as parsed and re-serialised, so formatting differences do not count as another body.</summary>
    static string BodyHash(SubmitApplicationRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, WorkflowJson.Options)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} scheduled ({Category})")]
    static partial void LogScheduled(ILogger logger, string applicationId, PermitCategory category);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} was already scheduled")]
    static partial void LogAlreadyScheduled(ILogger logger, string applicationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {ApplicationId}: taking over a reservation that was never scheduled")]
    static partial void LogTakeOver(ILogger logger, string applicationId);
}
