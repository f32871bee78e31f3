using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Sla;

/// <summary>A milestone that falls at <paramref name="At"/> (policy time).</summary>
public sealed record PlannedMilestone(MilestoneKind Kind, AlertAudience Audience, DateTimeOffset At);

/// <summary>
/// Where every alerting milestone of an application falls right now (docs/design.md#sla-semantics): the SLA milestones (moved by
/// pauses, none while paused or after the decision), the late federal answer, and the overall single-permit deadline.
/// The workflow waits for the earliest one it has not fired yet, fires it once, and asks again: one sequential loop.
/// </summary>
public static class MilestonePlan
{
    /// <summary>
    /// The milestones as they fall at <paramref name="asOf"/>. <paramref name="federalAwaitedSince"/> is when the
    /// handoff went out, while its answer is awaited; <paramref name="completeSince"/> is when the file became complete
    /// (admissible), while the single permit is undecided. Either is null otherwise.
    /// </summary>
    /// <param name="terms">The application's policy terms.</param>
    /// <param name="sla">The application's SLA clock.</param>
    /// <param name="federalAwaitedSince">When the handoff went out, while its answer is awaited.</param>
    /// <param name="completeSince">When the file became complete, while the single permit is undecided.</param>
    /// <param name="asOf">The moment the plan is made for.</param>
    public static IEnumerable<PlannedMilestone> Plan(
        PermitTerms terms,
        SlaClock sla,
        DateTimeOffset? federalAwaitedSince,
        DateTimeOffset? completeSince,
        DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(sla);

        foreach (MilestoneTerm milestone in sla.Terms.Milestones)
        {
            if (sla.MilestoneAt(milestone, asOf) is DateTimeOffset at)
            {
                yield return new PlannedMilestone(milestone.Kind, milestone.Audience, at);
            }
        }

        if (terms.Federal is { } federal && federalAwaitedSince is DateTimeOffset handedOff)
        {
            yield return new PlannedMilestone(MilestoneKind.FederalAnswerLate, AlertAudience.FederalLiaison, handedOff.AddDays(federal.AnswerLateAfterDays));
            yield return new PlannedMilestone(MilestoneKind.FederalEscalated, AlertAudience.HeadOfService, handedOff.AddDays(federal.EscalateAfterDays));
        }

        if (terms.OverallDeadline is { } overall && completeSince is DateTimeOffset complete)
        {
            DateTimeOffset deadline = overall.DeadlineFrom(complete);
            yield return new PlannedMilestone(MilestoneKind.OverallDeadlineNear, AlertAudience.Managers, deadline.AddDays(-overall.WarnDaysBefore));
            yield return new PlannedMilestone(MilestoneKind.OverallDeadlinePassed, AlertAudience.HeadOfService, deadline);
        }
    }

    /// <summary>The earliest milestone not yet fired, if any.</summary>
    public static PlannedMilestone? Next(IEnumerable<PlannedMilestone> plan, IReadOnlySet<MilestoneKind> fired) =>
        plan.Where(m => !fired.Contains(m.Kind)).OrderBy(m => m.At).ThenBy(m => m.Kind).FirstOrDefault();
}
