using Workflow.Application.Dashboard;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Tests.Shared;

namespace Workflow.UnitTests.Dashboard;

/// <summary>The dashboard's figures from projection rows whose KPIs are known by construction.</summary>
public sealed class DashboardQueriesTests
{
    static readonly DateTimeOffset September = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    static RecordedCase Row(CaseFacts facts, AssessmentFacts? assessment = null) => new(facts, assessment);

    [Fact]
    public void Lead_times_of_3_5_and_9_days_give_p50_5_p90_9_and_meet_the_fast_lane_maximum()
    {
        DashboardKpis kpis = DashboardQueries.Kpis(
            [
                Row(CaseFactsSeeds.Decided("A-1", PermitCategory.HighlySkilled, September, 3)),
                Row(CaseFactsSeeds.Decided("A-2", PermitCategory.HighlySkilled, September, 5, pausedDays: 4)),
                Row(CaseFactsSeeds.Decided("A-3", PermitCategory.HighlySkilled, September, 9)),
            ],
            [],
            Now);

        TrackMonthKpis month = Assert.Single(kpis.Months);
        Assert.Equal(("2026-09", DashboardQueries.FastLane, 3), (month.Month, month.Track, month.Decided));
        Assert.Equal(5, month.LeadTimeP50);
        Assert.Equal(9, month.LeadTimeP90);
        Assert.Equal(5.7, month.LeadTimeAverage);
        Assert.Equal(9, month.LeadTimeMax);
        Assert.Equal(15, month.TargetDays);
        Assert.True(month.TargetMet);
        Assert.Equal((3, 0, 1.0), (month.SlaMet, month.SlaMissed, month.Compliance));
        Assert.Equal((1, 4.0), (month.Pauses, month.PauseDaysAverage)); // the pause is left out of the lead time
        Assert.Equal(1, month.AdmissibilityDaysAverage);
        Assert.Equal(2, month.FederalDaysAverage);
    }

    [Fact]
    public void A_standard_file_decided_late_misses_its_due_date_and_the_average_target()
    {
        DashboardKpis kpis = DashboardQueries.Kpis(
            [
                Row(CaseFactsSeeds.Decided("B-1", PermitCategory.Other, September, 28)),
                Row(CaseFactsSeeds.Decided("B-2", PermitCategory.Other, September.AddDays(-12), 36, Outcome.Refused, ["category-conditions-not-met", "economic-hub"])),
                Row(CaseFactsSeeds.Decided("B-3", PermitCategory.Other, September.AddDays(-22), 40, peak: true)),
                Row(CaseFactsSeeds.Decided("B-4", PermitCategory.Other, September, 2, Outcome.Withdrawn)),
            ],
            [],
            Now);

        Assert.All(kpis.Months, m => Assert.Equal("2026-09", m.Month));
        TrackMonthKpis standard = Assert.Single(kpis.Months, m => m.Track == DashboardQueries.Standard);
        Assert.Equal((2, 32.0, 30, false), (standard.Decided, standard.LeadTimeAverage!.Value, standard.TargetDays!.Value, standard.TargetMet!.Value));
        Assert.Equal((1, 1, 0.5), (standard.SlaMet, standard.SlaMissed, standard.Compliance));
        Assert.Equal((1, 1, 1), (standard.Granted, standard.Refused, standard.Withdrawn));
        TrackMonthKpis peak = Assert.Single(kpis.Months, m => m.Track == DashboardQueries.StandardPeak);
        Assert.Equal((45, true), (peak.TargetDays!.Value, peak.TargetMet!.Value));
        Assert.Equal(["category-conditions-not-met", "economic-hub"], kpis.RefusalGrounds.Select(g => g.Ground));
        Assert.Equal([("2026-08", 2), ("2026-09", 2)], kpis.Volumes.Select(v => (v.Month, v.Submitted)));
        MonthEvaluation evaluation = Assert.Single(kpis.Evaluation.Months);
        Assert.Equal((3, 0, 1), (evaluation.Decisions, evaluation.HighlySkilled, evaluation.Withdrawals));
    }

    [Fact]
    public void Salary_bands_show_counts_of_five_or_more_and_suppress_smaller_ones()
    {
        var rows = new List<RecordedCase>();
        for (int i = 0; i < 6; i++)
        {
            rows.Add(Row(CaseFactsSeeds.Decided($"S-{i}", PermitCategory.HighlySkilled, September, 5), new AssessmentFacts(SalaryBands.UpTo110, 2025, [])));
        }

        rows.Add(Row(CaseFactsSeeds.Decided("S-7", PermitCategory.HighlySkilled, September, 5), new AssessmentFacts(SalaryBands.From150, 2025, ["economic-hub"])));
        rows.Add(Row(CaseFactsSeeds.Decided("S-8", PermitCategory.HighlySkilled, September, 5, Outcome.Refused), new AssessmentFacts(SalaryBands.Below, 2025, ["economic-hub"])));

        DashboardEvaluation evaluation = DashboardQueries.Kpis(rows, [], Now).Evaluation;

        Assert.Equal(SalaryBands.All.Count, evaluation.SalaryBands.Count); // refused files are not counted: no "below" from S-8
        Assert.Equal((6, false), Only(evaluation, SalaryBands.UpTo110));
        Assert.Equal((null, true), Only(evaluation, SalaryBands.From150));
        Assert.Equal((0, false), Only(evaluation, SalaryBands.Below));
        SignalCount signal = Assert.Single(evaluation.Signals);
        Assert.Equal(("economic-hub", 2, 1), (signal.Signal, signal.Decided, signal.Refused));
        MonthEvaluation month = Assert.Single(evaluation.Months);
        Assert.Equal((8, 8, 1.0, 2, 1), (month.Decisions, month.HighlySkilled, month.HighlySkilledShare!.Value, month.WithSignals, month.WithSignalsRefused));

        static (int? Count, bool Suppressed) Only(DashboardEvaluation evaluation, string band)
        {
            SalaryBandCount count = Assert.Single(evaluation.SalaryBands, b => b.Band == band);
            return (count.Count, count.Suppressed);
        }
    }

    [Fact]
    public void Outcomes_per_category_count_professional_cards_and_a_month_range_keeps_its_months_only()
    {
        DateTimeOffset october = September.AddMonths(1);
        RecordedCase[] rows =
        [
            Row(CaseFactsSeeds.Decided("P-1", PermitCategory.ProfessionalCard, September, 10)),
            Row(CaseFactsSeeds.Decided("P-2", PermitCategory.ProfessionalCard, September, 12, Outcome.Refused, ["economic-hub"])),
            Row(CaseFactsSeeds.Decided("P-3", PermitCategory.ProfessionalCard, September, 3, Outcome.Withdrawn)),
            Row(CaseFactsSeeds.Decided("P-4", PermitCategory.ProfessionalCard, october, 10)),
            Row(CaseFactsSeeds.Decided("W-1", PermitCategory.WorkCard, September, 8)),
        ];

        DashboardEvaluation all = DashboardQueries.Kpis(rows, [], Now).Evaluation;
        Assert.Equal(
            [("2026-09", "work-card", 1, 0, 0, 0), ("2026-09", "professional-card", 1, 1, 0, 1), ("2026-10", "professional-card", 1, 0, 0, 0)],
            all.CategoryOutcomes.Select(c => (c.Month, c.Category, c.Granted, c.Refused, c.Inadmissible, c.Withdrawn)));

        DashboardKpis inOctober = DashboardQueries.Kpis(rows, [], Now, new MonthRange("2026-10", "2026-12"));
        Assert.Equal(["2026-10"], inOctober.Months.Select(m => m.Month).Distinct());
        Assert.Equal(["2026-10"], inOctober.Volumes.Select(v => v.Month).Distinct());
        Assert.Equal(("2026-10", "2026-12"), (inOctober.Range!.From, inOctober.Range.To));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("2026-01", "2026-12", null)]
    [InlineData("2026-01", null, "from and to are both needed")]
    [InlineData("2026-13", "2026-12", "from and to are both needed")]
    [InlineData("2026-1", "2026-12", "from and to are both needed")]
    [InlineData("2026-12", "2026-01", "to must not be before from")]
    [InlineData("2020-01", "2026-12", "at most 60 months")]
    public void A_month_range_is_two_months_in_order_and_at_most_five_years(string? from, string? to, string? problem)
    {
        (MonthRange? range, string? found) = MonthRange.Parse(from, to);
        if (problem is null)
        {
            Assert.Null(found);
            Assert.Equal(from is null, range is null);
        }
        else
        {
            Assert.Null(range);
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Now_lists_open_files_by_stage_and_state_at_risk_and_breached_with_time_left_and_open_federal_handoffs()
    {
        DashboardNow now = DashboardQueries.Now(
            [
                Row(CaseFactsSeeds.Open("N-1", PermitCategory.HighlySkilled, Now, 13)), // due in 2 days: at risk
                Row(CaseFactsSeeds.Open("N-2", PermitCategory.Other, Now, 32)), // 2 days past due
                Row(CaseFactsSeeds.Open("N-3", PermitCategory.Other, Now, 5)), // on track
                Row(CaseFactsSeeds.Decided("N-4", PermitCategory.Other, September, 10)), // closed: not open
            ],
            Now);

        Assert.Equal(3, now.OpenApplications);
        Assert.Equal(
            [("awaiting-decision", "on-track", 1), ("awaiting-decision", "at-risk", 1), ("awaiting-decision", "breached", 1)],
            now.Open.Select(o => (o.Stage, o.SlaState, o.Count)));
        OpenCase atRisk = Assert.Single(now.AtRisk);
        Assert.Equal(("N-1", 2.0, "/workbench/#/applications/N-1"), (atRisk.ApplicationId, atRisk.DaysLeft!.Value, atRisk.WorkbenchUrl));
        OpenCase breached = Assert.Single(now.Breached);
        Assert.Equal(("N-2", -2.0), (breached.ApplicationId, breached.DaysLeft!.Value));
        Assert.Equal([("N-2", 31.0), ("N-1", 12.0), ("N-3", 4.0)], now.FederalHandoffs.Select(f => (f.ApplicationId, f.AgeDays)));
    }
}
