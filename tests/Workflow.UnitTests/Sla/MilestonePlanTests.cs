using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Sla;

namespace Workflow.UnitTests.Sla;

/// <summary>Where the alerting milestones fall (docs/design.md#sla-semantics): SLA milestones, late federal answer, overall deadline.</summary>
public class MilestonePlanTests
{
    /// <summary>A standard-track submission on 2026-03-02 in Brussels: 30 days, Belgian-law overall deadline.</summary>
    static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static readonly MilestoneKind[] SlaKinds = [MilestoneKind.Reminder, MilestoneKind.AtRisk, MilestoneKind.Breached, MilestoneKind.Escalated];

    static PermitTerms StandardTerms(DateTimeOffset? submittedAt = null) =>
        PolicyCatalog.Embedded.Resolve(PermitCategory.Other, submittedAt ?? Start, inPeakPeriod: false);

    static DateTimeOffset Day(double days) => Start + TimeSpan.FromDays(days);

    static HashSet<MilestoneKind> Fired(params MilestoneKind[] kinds) => [.. kinds];

    [Fact]
    public void Standard_plan_is_reminder_at_risk_breach_and_escalation_around_the_30_day_due_date_in_that_order()
    {
        PermitTerms terms = StandardTerms();
        var sla = new SlaClock(terms.Sla, Start);

        List<PlannedMilestone> plan = [.. MilestonePlan.Plan(terms, sla, null, null, Start)];

        Assert.Equal(
            [
                new PlannedMilestone(MilestoneKind.Reminder, AlertAudience.Caseworker, Day(20)),
                new PlannedMilestone(MilestoneKind.AtRisk, AlertAudience.Managers, Day(25)),
                new PlannedMilestone(MilestoneKind.Breached, AlertAudience.Managers, Day(30)),
                new PlannedMilestone(MilestoneKind.Escalated, AlertAudience.HeadOfService, Day(35)),
            ],
            plan);
    }

    [Fact]
    public void Fast_lane_plan_falls_around_the_15_day_due_date()
    {
        PermitTerms terms = PolicyCatalog.Embedded.Resolve(PermitCategory.HighlySkilled, Start, inPeakPeriod: false);
        var sla = new SlaClock(terms.Sla, Start);

        List<PlannedMilestone> plan = [.. MilestonePlan.Plan(terms, sla, null, null, Start)];

        Assert.Equal(SlaKinds, plan.Select(m => m.Kind));
        Assert.Equal([Day(10), Day(13), Day(15), Day(18)], plan.Select(m => m.At));
    }

    [Fact]
    public void A_pause_shifts_every_not_yet_fired_sla_milestone_by_the_pause()
    {
        PermitTerms terms = StandardTerms();
        var sla = new SlaClock(terms.Sla, Start);
        Dictionary<MilestoneKind, DateTimeOffset> before = MilestonePlan.Plan(terms, sla, null, null, Day(1)).ToDictionary(m => m.Kind, m => m.At);

        sla.Pause(Day(3), PauseReason.AwaitingApplicant);
        sla.Resume(Day(7));
        Dictionary<MilestoneKind, DateTimeOffset> after = MilestonePlan.Plan(terms, sla, null, null, Day(8)).ToDictionary(m => m.Kind, m => m.At);

        Assert.Equal(SlaKinds, after.Keys.Order());
        Assert.All(SlaKinds, kind => Assert.Equal(before[kind] + TimeSpan.FromDays(4), after[kind]));

        // The reminder already fired: the next one is the at-risk warning, moved by the pause.
        PlannedMilestone? next = MilestonePlan.Next(MilestonePlan.Plan(terms, sla, null, null, Day(8)), Fired(MilestoneKind.Reminder));
        Assert.Equal(new PlannedMilestone(MilestoneKind.AtRisk, AlertAudience.Managers, Day(29)), next);
    }

    [Fact]
    public void While_paused_no_sla_milestone_is_planned_but_other_milestones_are()
    {
        PermitTerms terms = StandardTerms();
        var sla = new SlaClock(terms.Sla, Start);
        sla.Pause(Day(3), PauseReason.InformationRequested);

        List<PlannedMilestone> plan = [.. MilestonePlan.Plan(terms, sla, federalAwaitedSince: Day(1), completeSince: Day(1), Day(5))];

        Assert.DoesNotContain(plan, m => SlaKinds.Contains(m.Kind));
        Assert.Contains(plan, m => m.Kind == MilestoneKind.FederalAnswerLate);
        Assert.Contains(plan, m => m.Kind == MilestoneKind.OverallDeadlinePassed);
    }

    [Fact]
    public void After_the_decision_no_sla_milestone_is_planned()
    {
        PermitTerms terms = StandardTerms();
        var sla = new SlaClock(terms.Sla, Start);
        sla.Stop(Day(10));

        Assert.Empty(MilestonePlan.Plan(terms, sla, null, null, Day(11)));
    }

    [Fact]
    public void Untracked_application_plans_no_sla_milestone()
    {
        PermitTerms terms = PolicyCatalog.Embedded.Resolve(PermitCategory.Other, new DateTimeOffset(2025, 12, 1, 9, 0, 0, TimeSpan.Zero), false);
        var sla = new SlaClock(terms.Sla, Start);

        Assert.Null(terms.Sla.DueDays);
        Assert.Empty(MilestonePlan.Plan(terms, sla, null, null, Day(1)));
    }

    [Fact]
    public void Next_skips_fired_milestones_and_returns_the_earliest()
    {
        PermitTerms terms = StandardTerms();
        var sla = new SlaClock(terms.Sla, Start);
        List<PlannedMilestone> plan = [.. MilestonePlan.Plan(terms, sla, federalAwaitedSince: Day(1), completeSince: null, Start)];

        Assert.Equal(MilestoneKind.Reminder, MilestonePlan.Next(plan, Fired())?.Kind);
        Assert.Equal(MilestoneKind.Breached, MilestonePlan.Next(plan, Fired(MilestoneKind.Reminder, MilestoneKind.AtRisk))?.Kind);

        // Federal answer late at day 31 comes before the escalation at day 35.
        PlannedMilestone? afterBreach = MilestonePlan.Next(plan, Fired(MilestoneKind.Reminder, MilestoneKind.AtRisk, MilestoneKind.Breached));
        Assert.Equal(new PlannedMilestone(MilestoneKind.FederalAnswerLate, AlertAudience.FederalLiaison, Day(31)), afterBreach);

        Assert.Null(MilestonePlan.Next(plan, Fired([.. plan.Select(m => m.Kind)])));
    }

    [Fact]
    public void Next_orders_by_time_not_by_position_in_the_plan()
    {
        PlannedMilestone[] plan =
        [
            new(MilestoneKind.Escalated, AlertAudience.HeadOfService, Day(35)),
            new(MilestoneKind.FederalAnswerLate, AlertAudience.FederalLiaison, Day(12)),
            new(MilestoneKind.Reminder, AlertAudience.Caseworker, Day(20)),
        ];

        Assert.Equal(MilestoneKind.FederalAnswerLate, MilestonePlan.Next(plan, Fired())?.Kind);
        Assert.Equal(MilestoneKind.Reminder, MilestonePlan.Next(plan, Fired(MilestoneKind.FederalAnswerLate))?.Kind);
    }

    [Fact]
    public void Federal_milestones_fall_30_and_45_days_after_the_handoff_while_the_answer_is_awaited()
    {
        PermitTerms terms = StandardTerms();
        var sla = new SlaClock(terms.Sla, Start);
        sla.Stop(Day(2)); // leave only the federal milestones
        DateTimeOffset handoff = Day(4);

        List<PlannedMilestone> awaited = [.. MilestonePlan.Plan(terms, sla, handoff, null, Day(5))];
        List<PlannedMilestone> answered = [.. MilestonePlan.Plan(terms, sla, null, null, Day(5))];

        Assert.Equal(
            [
                new PlannedMilestone(MilestoneKind.FederalAnswerLate, AlertAudience.FederalLiaison, handoff.AddDays(30)),
                new PlannedMilestone(MilestoneKind.FederalEscalated, AlertAudience.HeadOfService, handoff.AddDays(45)),
            ],
            awaited);
        Assert.Empty(answered);
    }

    [Fact]
    public void Work_card_plans_no_federal_milestone_even_when_a_handoff_time_is_given()
    {
        PermitTerms terms = PolicyCatalog.Embedded.Resolve(PermitCategory.WorkCard, Start, false);
        var sla = new SlaClock(terms.Sla, Start);

        List<PlannedMilestone> plan = [.. MilestonePlan.Plan(terms, sla, Day(1), Day(1), Start)];

        Assert.Equal(SlaKinds, plan.Select(m => m.Kind));
    }

    [Fact]
    public void Overall_deadline_under_the_4_month_terms_is_4_calendar_months_after_completeness_with_a_warning_14_days_before()
    {
        PermitTerms terms = StandardTerms();
        Assert.Equal("belgian-law-4-months", terms.OverallDeadline?.Id);
        var sla = new SlaClock(terms.Sla, Start);
        sla.Stop(Day(1));
        var complete = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

        List<PlannedMilestone> plan = [.. MilestonePlan.Plan(terms, sla, null, complete, Day(9))];

        Assert.Equal(
            [
                new PlannedMilestone(MilestoneKind.OverallDeadlineNear, AlertAudience.Managers, new DateTimeOffset(2026, 6, 26, 9, 0, 0, TimeSpan.Zero)),
                new PlannedMilestone(MilestoneKind.OverallDeadlinePassed, AlertAudience.HeadOfService, new DateTimeOffset(2026, 7, 10, 9, 0, 0, TimeSpan.Zero)),
            ],
            plan);
    }

    [Fact]
    public void Overall_deadline_under_the_90_day_terms_is_90_days_after_completeness()
    {
        var submitted = new DateTimeOffset(2026, 5, 21, 9, 0, 0, TimeSpan.Zero);
        PermitTerms terms = StandardTerms(submitted);
        Assert.Equal("directive-2024-1233", terms.OverallDeadline?.Id);
        var sla = new SlaClock(terms.Sla, submitted);
        sla.Stop(submitted.AddDays(1));
        var complete = new DateTimeOffset(2026, 5, 25, 9, 0, 0, TimeSpan.Zero);

        List<PlannedMilestone> plan = [.. MilestonePlan.Plan(terms, sla, null, complete, complete)];

        Assert.Equal(
            [
                new PlannedMilestone(MilestoneKind.OverallDeadlineNear, AlertAudience.Managers, new DateTimeOffset(2026, 8, 9, 9, 0, 0, TimeSpan.Zero)),
                new PlannedMilestone(MilestoneKind.OverallDeadlinePassed, AlertAudience.HeadOfService, new DateTimeOffset(2026, 8, 23, 9, 0, 0, TimeSpan.Zero)),
            ],
            plan);
    }

    [Fact]
    public void No_overall_deadline_milestone_before_the_file_is_complete()
    {
        PermitTerms terms = StandardTerms();
        var sla = new SlaClock(terms.Sla, Start);
        sla.Stop(Day(1));

        Assert.Empty(MilestonePlan.Plan(terms, sla, null, null, Day(2)));
    }
}
