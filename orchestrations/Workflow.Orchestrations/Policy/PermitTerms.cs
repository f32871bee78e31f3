using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Policy;

/// <summary>
/// The policy an application runs under, resolved from the policy data at submission and stamped into the workflow
/// input, so the application keeps it for its whole life. Ids, codes and numbers only.
/// </summary>
public sealed record PermitTerms(
    IReadOnlyList<string> PolicyEntries,
    SlaTerms Sla,
    AdmissibilityTerms Admissibility,
    FederalLegTerms? Federal,
    OverallDeadlineTerms? OverallDeadline,
    CaseLimits? Limits = null)
{
    /// <summary>The limits in force, or the defaults for applications submitted before limits were stamped into the input.</summary>
    public CaseLimits EffectiveLimits => this.Limits ?? CaseLimits.Default;

    /// <summary>
    /// The terms of an application whose function the concept note excludes outright (§2.3): it is inadmissible from the
    /// start, so it owes no fee.
    /// </summary>
    public PermitTerms ForExcludedFunction() =>
        this with { Admissibility = this.Admissibility with { Fee = null, NoFee = NoFeeReason.FunctionExcluded } };
}

/// <summary>What one application may receive (see <see cref="CaseLimitsEntry"/>); counted per application.</summary>
public sealed record CaseLimits(
    int DocumentBatches,
    int Corrections,
    int PaymentAttempts,
    int ThirdPartyRequests,
    int InformationRequests,
    int InformationRequestsWithoutConsent)
{
    /// <summary>The limits of the first policy entry, for instances whose input predates them.</summary>
    public static CaseLimits Default { get; } = new(10, 5, 10, 10, 6, 2);
}

/// <summary>
/// The SLA of one application. <c>Track</c> is <see cref="SlaTrack.Untracked"/> and <c>DueDays</c> null when no track
/// was in force at submission (followed without a due date); <c>InPeakPeriod</c> says the clock started inside a declared peak period (standard track: 45 days).
/// </summary>
public sealed record SlaTerms(
    SlaTrack Track,
    int? DueDays,
    bool InPeakPeriod,
    bool PausesWhileWaitingOnApplicant,
    IReadOnlyList<MilestoneTerm> Milestones);

/// <summary>A milestone at <paramref name="DaysFromDue"/> policy days from the due date (negative: before it).</summary>
public sealed record MilestoneTerm(MilestoneKind Kind, int DaysFromDue, AlertAudience Audience);

/// <summary>
/// Admissibility: days to complete a file, the documents required, and the fee; when no fee is due, <c>NoFee</c> says
/// why (null on inputs stamped before the reason was kept).
/// </summary>
public sealed record AdmissibilityTerms(int CompletionDeadlineDays, IReadOnlyList<string> RequiredDocuments, FeeTerms? Fee, NoFeeReason? NoFee = null);

/// <summary>Why an application owes no fee; every answer about its fee names the reason.</summary>
public enum NoFeeReason
{
    /// <summary>No fee was in force on the submission date (the fee starts 2026-01-01, §2.5).</summary>
    NoneInForce,

    /// <summary>The category is exempt (the work card up to 90 days, §2.5).</summary>
    ExemptCategory,

    /// <summary>The function is excluded outright (§2.3): the application is inadmissible and owes nothing.</summary>
    FunctionExcluded,
}

public sealed record FeeTerms(long AmountCents, string Currency);

/// <summary>Late federal answer: reminder and escalation, in policy days after the handoff.</summary>
public sealed record FederalLegTerms(int AnswerLateAfterDays, int EscalateAfterDays);

/// <summary>The overall single-permit deadline, counted from admissibility (a complete application).</summary>
public sealed record OverallDeadlineTerms(string Id, int? Months, int? Days, int WarnDaysBefore)
{
    public DateTimeOffset DeadlineFrom(DateTimeOffset start) =>
        this.Months is int months ? start.AddMonths(months) : start.AddDays(this.Days ?? 0);
}
