using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// One withdrawal as the model keeps it: ids, codes and moments only (no personal data). Moments are in policy time on
/// a clock that starts when the workflow starts (<see cref="StartedAt"/>, where policy and real time coincide), except
/// <see cref="DecidedAtReal"/>, which the exclusion registry needs in real time.
/// </summary>
public sealed record WithdrawalCase
{
    public required string WithdrawalId { get; init; }

    /// <summary>The application that granted the authorisation (the register's key).</summary>
    public required string AuthorisationId { get; init; }

    public required PermitCategory Category { get; init; }

    /// <summary>The §2.1 ground the finding supports, cited in the hearing invitation.</summary>
    public required string Ground { get; init; }

    public required WithdrawalTerms Terms { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan PolicyDayLength { get; init; }

    public WithdrawalStage Stage { get; init; }

    /// <summary>
    /// The last moment the employer may answer (policy time): the one the invitation letter names, so null until that
    /// letter is written (the term runs from the letter, not from the finding).
    /// </summary>
    public DateTimeOffset? HearingDeadline { get; init; }

    /// <summary>When the employer is reminded (policy time); null without a reminder.</summary>
    public DateTimeOffset? ReminderAt { get; init; }

    public DateTimeOffset? InvitedAt { get; init; }

    /// <summary>The hearing invitation's reference in the grant's dossier.</summary>
    public string? InvitationLetter { get; init; }

    public DateTimeOffset? RemindedAt { get; init; }

    public HearingEnd? HearingEnd { get; init; }

    public DateTimeOffset? HearingEndedAt { get; init; }

    /// <summary>The employer's answer (its id; the statement is on its record).</summary>
    public string? ResponseId { get; init; }

    public WithdrawalVerdict? Verdict { get; init; }

    public string? DecisionId { get; init; }

    /// <summary>The ground the caseworker cited for a withdrawal.</summary>
    public string? DecisionGround { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public DateTimeOffset? DecidedAtReal { get; init; }

    public string? DecisionLetter { get; init; }

    /// <summary>The id of the withdrawal message sent to the federal office.</summary>
    public string? FederalMessageId { get; init; }

    public IReadOnlyList<string> ExclusionIds { get; init; } = [];

    /// <summary>Work asked for and not yet done, in order.</summary>
    public IReadOnlyList<WithdrawalWork> PendingWork { get; init; } = [];

    /// <summary>The message ids acted on (a message raised again is not acted on twice).</summary>
    public IReadOnlyList<string> HandledMessages { get; init; } = [];

    public bool IsClosed => this.Stage is WithdrawalStage.Withdrawn or WithdrawalStage.Kept;

    public PolicyClock Clock() => new(this.StartedAt, this.PolicyDayLength);
}
