using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.UnitTests.Cases;

/// <summary>SLA milestones and the overall deadline as time passes: each once, in order, moved by pauses, none after the decision.</summary>
public sealed class DeadlineTransitionTests
{
    [Fact]
    public void The_fast_lane_milestones_fire_in_order_each_once_with_an_alert_to_their_audience()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        var fired = new List<SlaAlert>();
        while (harness.State.FiredMilestones.Count < 4)
        {
            fired.AddRange(harness.WakeUp().Effects.Alerts);
        }

        DateTimeOffset due = harness.State.Sla.Start.AddDays(15);
        Assert.Equal(
            [(MilestoneKind.Reminder, due.AddDays(-5)), (MilestoneKind.AtRisk, due.AddDays(-2)), (MilestoneKind.Breached, due), (MilestoneKind.Escalated, due.AddDays(3))],
            fired.Where(a => a.Milestone is MilestoneKind.Reminder or MilestoneKind.AtRisk or MilestoneKind.Breached or MilestoneKind.Escalated).Select(a => (a.Milestone, a.MilestoneAt)));
        Assert.All(fired, a => Assert.Equal(SlaAlert.KeyFor(harness.Id, a.Milestone), a.IdempotencyKey));
        Assert.Equal(AlertAudience.Managers, fired.Single(a => a.Milestone == MilestoneKind.Breached).Audience);
        Assert.Equal(fired.Count, fired.Select(a => a.Milestone).Distinct().Count());
        Assert.Contains(CaseEvents.Milestone(MilestoneKind.Breached), harness.Timeline);
    }

    [Fact]
    public void Milestones_that_fell_due_together_fire_together_in_their_order()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.After(20); // past reminder, at-risk, breach and escalation (15 + 3)
        Transition late = harness.Time();

        Assert.Equal(
            [MilestoneKind.Reminder, MilestoneKind.AtRisk, MilestoneKind.Breached, MilestoneKind.Escalated],
            late.Effects.Alerts.Select(a => a.Milestone).Where(m => m <= MilestoneKind.Escalated));
        Assert.True(harness.Time().IsQuiet); // nothing fires twice
    }

    [Fact]
    public void A_pause_moves_the_milestones_not_yet_fired_and_none_fire_while_it_lasts()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.After(2);
        harness.Receive(harness.InformationRequest(days: 10));
        Assert.Equal(harness.State.InformationRequest!.Deadline, PermitCaseModel.NextWakeUp(harness.State, harness.Now)); // no SLA milestone while paused

        harness.After(6);
        harness.Receive(harness.Documents(DocumentTypes.InformationResponse));
        harness.Assessed();
        DateTimeOffset? reminder = PermitCaseModel.NextWakeUp(harness.State, harness.Now);
        Assert.Equal(harness.State.Sla.Start.AddDays(15 + 6 - 5), reminder);
    }

    [Fact]
    public void After_the_caseworkers_decision_no_sla_milestone_fires_but_the_federal_and_overall_ones_still_do()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.Decide(CaseworkerVerdict.Approve);
        harness.After(60);
        Transition later = harness.Time();

        Assert.DoesNotContain(later.Effects.Alerts, a => a.Milestone is MilestoneKind.Breached or MilestoneKind.Escalated);
        Assert.Contains(later.Effects.Alerts, a => a.Milestone == MilestoneKind.FederalAnswerLate);
        Assert.Contains(later.Effects.Alerts, a => a.Milestone == MilestoneKind.FederalEscalated);
    }

    [Fact]
    public void The_overall_single_permit_deadline_warns_before_it_and_alerts_when_it_passes()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        DateTimeOffset deadline = harness.State.OverallDeadline!.Value;
        harness.After((deadline - harness.Now).TotalDays + 1);
        Transition passed = harness.Time();

        Assert.Equal(deadline, passed.Effects.Alerts.Single(a => a.Milestone == MilestoneKind.OverallDeadlinePassed).MilestoneAt);
        Assert.Equal(deadline.AddDays(-14), passed.Effects.Alerts.Single(a => a.Milestone == MilestoneKind.OverallDeadlineNear).MilestoneAt);
    }

    [Fact]
    public void A_decided_case_waits_for_no_time_and_a_quiet_wake_up_changes_nothing()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard).Complete();
        Transition quiet = harness.Time();
        Assert.True(quiet.IsQuiet);

        harness.Decide(CaseworkerVerdict.Approve);
        Assert.Null(PermitCaseModel.NextWakeUp(harness.State, harness.Now));
    }

    [Fact]
    public void A_standard_file_submitted_in_a_peak_period_gets_45_days()
    {
        var harness = CaseHarness.Start(PermitCategory.Other, inPeak: true).Complete();
        Assert.Equal(harness.State.Sla.Start.AddDays(45), harness.State.SlaClock().DueAsOf(harness.Now));
    }
}
