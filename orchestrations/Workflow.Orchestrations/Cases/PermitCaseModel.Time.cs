using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Sla;

namespace Workflow.Orchestrations.Cases;

/// <summary>Time: SLA milestones and deadlines that fall due (docs/design.md#sla-semantics).</summary>
public static partial class PermitCaseModel
{
    /// <summary>
    /// Fires every milestone due by now, in order, each once (an alert through the outbox and a timeline row), then
    /// closes the waits whose deadline passed: the applicant's (inadmissible), an information request's (the clock runs
    /// again) and third parties' (the caseworker decides on what is there).
    /// </summary>
    static void OnTime(CaseChange change)
    {
        DateTimeOffset now = change.Now;
        while (NextMilestone(change.State, now) is { } milestone && change.IsDue(milestone.At))
        {
            Fire(change, milestone, now);
        }

        PermitCase state = change.State;
        if (change.IsDue(state.ApplicantDeadline))
        {
            IReadOnlyList<string> items = state.ApplicantItems;
            if (state.InAdmissibility)
            {
                change.Record(CaseEvents.CompletionDeadlinePassed, Actors.System, ("items", CaseChange.List(items)));
                bool onlyTheFee = state.MissingDocuments.Count == 0 && state.FeeOutstanding;
                Decide(change, Outcome.Inadmissible, [onlyTheFee ? DecisionGrounds.FeeUnpaid.Code : DecisionGrounds.Incomplete.Code]);
            }
            else
            {
                change.Record(CaseEvents.FeeDeadlinePassed, Actors.System, ("items", CaseChange.List(items)));
                Decide(change, Outcome.Inadmissible, [DecisionGrounds.FeeUnpaid.Code]);
            }

            return;
        }

        if (state.InformationRequest is { } request && change.IsDue(request.Deadline))
        {
            change.Clock(clock => clock.Resume(request.Deadline!.Value)); // the wait ended at its deadline, whenever it is noticed
            change.Set(c => c with { InformationRequest = null });
            change.Record(CaseEvents.InformationRequestExpired, Actors.System, ("requestId", request.RequestId));
        }

        foreach (ThirdPartySnapshot wait in state.OpenThirdParties.Where(t => change.IsDue(t.Deadline)).ToList())
        {
            change.Set(c => c with { ThirdParties = [.. c.ThirdParties.Select(t => t.RequestId == wait.RequestId ? t with { Expired = true } : t)] });
            change.Record(CaseEvents.ThirdPartyRequestExpired, Actors.System, ("requestId", wait.RequestId), ("kind", Codes.Of(wait.Kind)));
        }
    }

    static void Fire(CaseChange change, PlannedMilestone milestone, DateTimeOffset now)
    {
        change.Remember(c => c with { FiredMilestones = [.. c.FiredMilestones, milestone.Kind] });
        PermitCase state = change.State;
        change.Alert(new SlaAlert(
            SlaAlert.KeyFor(state.ApplicationId, milestone.Kind),
            state.ApplicationId,
            state.Category,
            milestone.Kind,
            milestone.Audience,
            milestone.At,
            state.SlaClock().DueAsOf(now),
            now));
        change.Record(
            CaseEvents.Milestone(milestone.Kind),
            Actors.System,
            ("audience", Codes.Of(milestone.Audience)),
            ("milestoneAt", CaseChange.Text(milestone.At)));
    }
}
