using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Ports;

/// <summary>
/// What the ledger keeps of a submission: enough to recognise a repeat (the body hash), to recover one that was
/// reserved but never scheduled, and to answer commands (category, time, fee) without reading the task hub.
/// <c>InPeakPeriod</c> and <c>FunctionExcluded</c> are fixed when the submission is reserved, so the first answer, the
/// status before the workflow records anything and the workflow's own terms all agree (a peak period declared a moment
/// later does not change a submission already made). <c>Renews</c>: for a renewal, the application id of the
/// authorisation it renews.
/// </summary>
public sealed record SubmissionRecord(
    string ApplicationId,
    string ApplicantKey,
    string SubmissionId,
    string BodySha256,
    PermitCategory Category,
    DateTimeOffset SubmittedAt,
    long? FeeCents,
    string? FeeCurrency,
    bool Scheduled,
    DateTimeOffset ReservedAt,
    bool InPeakPeriod = false,
    bool FunctionExcluded = false,
    string? Renews = null);

/// <summary>The outcome of trying to reserve a submission.</summary>
public enum ReservationOutcome
{
    /// <summary>This call reserved it: go on and schedule the workflow.</summary>
    Reserved,

    /// <summary>It exists already (same or different body: the caller compares the hash).</summary>
    Exists,
}

/// <summary>
/// The submissions table (docs/design.md#idempotent-submission): a conditional insert keyed on the application id (itself derived from
/// applicant and submission id) happens <b>before</b> the workflow is scheduled, so a repeat never starts a second one.
/// </summary>
public interface ISubmissionLedger
{
    /// <summary>Inserts the record unless one exists; returns the stored record either way.</summary>
    Task<(ReservationOutcome Outcome, SubmissionRecord Record)> TryReserveAsync(SubmissionRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over a reservation that was never scheduled (its submitter crashed), if nobody else took it since
    /// <paramref name="seen"/> was read. Returns false when another request got there first.
    /// </summary>
    Task<bool> TryTakeOverAsync(SubmissionRecord seen, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkScheduledAsync(string applicationId, CancellationToken cancellationToken);

    Task<SubmissionRecord?> GetAsync(string applicationId, CancellationToken cancellationToken);
}
