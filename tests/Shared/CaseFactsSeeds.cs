using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Sla;

namespace Workflow.Tests.Shared;

/// <summary>
/// Rows of the dashboard's projection with figures known by construction: on a real-time policy clock (a policy day
/// lasts a day), the SLA clock starting at submission, a fast lane of 15 days and a standard track of 30 (45 in a peak
/// period), at risk 3 days before the due date.
/// </summary>
internal static class CaseFactsSeeds
{
    public static SlaTerms Terms(PermitCategory category, bool peak = false) => category.Track() == SlaTrack.FastLane
        ? new SlaTerms(SlaTrack.FastLane, 15, false, true, [new MilestoneTerm(MilestoneKind.AtRisk, -3, AlertAudience.Caseworker)])
        : new SlaTerms(SlaTrack.Standard, peak ? 45 : 30, peak, true, [new MilestoneTerm(MilestoneKind.AtRisk, -3, AlertAudience.Caseworker)]);

    /// <summary>
    /// A decided file: <paramref name="leadDays"/> on the SLA clock, after a pause of <paramref name="pausedDays"/> (from
    /// its first day) when not zero; admissible after <paramref name="admissibleAfterDays"/>.
    /// </summary>
    public static CaseFacts Decided(
        string applicationId,
        PermitCategory category,
        DateTimeOffset submittedAt,
        double leadDays,
        Outcome outcome = Outcome.Granted,
        IReadOnlyList<string>? grounds = null,
        bool peak = false,
        double pausedDays = 0,
        double admissibleAfterDays = 1)
    {
        List<SlaPause> pauses = pausedDays > 0
            ? [new SlaPause(submittedAt.AddDays(1), submittedAt.AddDays(1 + pausedDays), PauseReason.AwaitingApplicant)]
            : [];
        DateTimeOffset decidedAt = submittedAt.AddDays(leadDays + pausedDays);
        return new CaseFacts
        {
            ApplicationId = applicationId,
            Category = category,
            SubmittedAt = submittedAt,
            PolicyDayLength = PolicyClock.RealDay,
            Stage = Stage.Closed,
            Revision = 10,
            Sla = new SlaSnapshot(Terms(category, peak), submittedAt, pauses, decidedAt),
            CompleteAt = submittedAt.AddDays(admissibleAfterDays),
            FederalStatus = category.HasFederalLeg() ? FederalLegStatus.Approved : FederalLegStatus.NotApplicable,
            FederalHandedOffAt = category.HasFederalLeg() ? submittedAt.AddDays(admissibleAfterDays) : null,
            FederalAnsweredAt = category.HasFederalLeg() ? submittedAt.AddDays(admissibleAfterDays + 2) : null,
            Outcome = outcome,
            Grounds = grounds ?? [],
            DecidedAt = decidedAt,
            ClosedAt = decidedAt,
        };
    }

    /// <summary>An open file submitted <paramref name="daysAgo"/> before <paramref name="now"/>, awaiting its caseworker, the federal leg handed off on day 1.</summary>
    public static CaseFacts Open(string applicationId, PermitCategory category, DateTimeOffset now, double daysAgo, Stage stage = Stage.AwaitingDecision)
    {
        DateTimeOffset submittedAt = now.AddDays(-daysAgo);
        return new CaseFacts
        {
            ApplicationId = applicationId,
            Category = category,
            SubmittedAt = submittedAt,
            PolicyDayLength = PolicyClock.RealDay,
            Stage = stage,
            Revision = 5,
            Sla = new SlaSnapshot(Terms(category), submittedAt, [], null),
            CompleteAt = submittedAt.AddDays(1),
            FederalStatus = category.HasFederalLeg() ? FederalLegStatus.HandedOff : FederalLegStatus.NotApplicable,
            FederalHandedOffAt = category.HasFederalLeg() ? submittedAt.AddDays(1) : null,
        };
    }
}
