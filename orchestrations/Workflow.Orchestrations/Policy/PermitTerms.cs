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
/// The SLA of one application. <c>DueDays</c> is null when the track was not in force at submission (tracked without
/// a due date); <c>InPeakPeriod</c> says the clock started inside a declared peak period (standard track: 45 days).
/// </summary>
public sealed record SlaTerms(
    SlaTrack Track,
    int? DueDays,
    bool InPeakPeriod,
    bool PausesWhileWaitingOnApplicant,
    IReadOnlyList<MilestoneTerm> Milestones);

/// <summary>A milestone at <paramref name="DaysFromDue"/> policy days from the due date (negative: before it).</summary>
public sealed record MilestoneTerm(MilestoneKind Kind, int DaysFromDue, AlertAudience Audience);

/// <summary>Admissibility: days to complete a file, the documents required, and the fee (null when exempt or none in force).</summary>
public sealed record AdmissibilityTerms(int CompletionDeadlineDays, IReadOnlyList<string> RequiredDocuments, FeeTerms? Fee);

public sealed record FeeTerms(long AmountCents, string Currency);

/// <summary>Late federal answer: reminder and escalation, in policy days after the handoff.</summary>
public sealed record FederalLegTerms(int AnswerLateAfterDays, int EscalateAfterDays);

/// <summary>The overall single-permit deadline, counted from admissibility (a complete application).</summary>
public sealed record OverallDeadlineTerms(string Id, int? Months, int? Days, int WarnDaysBefore)
{
    public DateTimeOffset DeadlineFrom(DateTimeOffset start) =>
        this.Months is int months ? start.AddMonths(months) : start.AddDays(this.Days ?? 0);
}
