using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Rules;
using static Workflow.UnitTests.Rules.RuleFacts;

namespace Workflow.UnitTests.Rules;

/// <summary>
/// The labour-market test (§2.3, interpretation in docs/design.md#interpretations-and-additions), to the day: at least
/// 63 distinct days per site inside [submission date − 4 calendar months, submission date); VDAB only, 42 days (21
/// seasonal) before 2024-05-01.
/// </summary>
public class LabourMarketTestTests
{
    // Submission 2026-05-15: the window is 2026-01-15 to 2026-05-14.
    const string Submission = "2026-05-15";

    static IReadOnlyList<RuleResult> Check(string submission, IReadOnlyList<VacancyPublication> vacancies, bool seasonal = false, params string[] documents) =>
        LabourMarketTest.Check(
            For(seasonal ? PermitCategory.Seasonal : PermitCategory.Other, submission) with
            {
                Vacancies = vacancies,
                DocumentTypes = Documents(documents),
            },
            Catalog);

    public static TheoryData<string, int, RuleOutcome> NineWeekBoundary => new()
    {
        { "2026-03-13", 63, RuleOutcome.Met }, // 19 March days + 30 April days + 14 May days
        { "2026-03-14", 62, RuleOutcome.NotMet },
        { "2026-01-15", 120, RuleOutcome.Met }, // the whole window
    };

    [Theory]
    [MemberData(nameof(NineWeekBoundary))]
    public void Section_2_3_each_site_needs_at_least_63_days_inside_the_window(string from, int days, RuleOutcome expected)
    {
        IReadOnlyList<RuleResult> results = Check(Submission, [Vdab(from, "2026-05-14"), Eures(from, "2026-05-14")]);

        foreach (string ruleId in new[] { RuleIds.LabourMarketTestVdab, RuleIds.LabourMarketTestEures })
        {
            RuleResult result = Rule(results, ruleId);
            Assert.Equal(expected, result.Outcome);
            Assert.Equal("§2.3", result.Section);
            Assert.Contains($"{days} days", result.Explanation, StringComparison.Ordinal);
            Assert.Contains("inside the window 2026-01-15 to 2026-05-14", result.Explanation, StringComparison.Ordinal);
            Assert.Contains("the minimum is 63 days (9 weeks)", result.Explanation, StringComparison.Ordinal);
        }

        if (expected == RuleOutcome.NotMet)
        {
            Assert.Contains("short by 1 day", Rule(results, RuleIds.LabourMarketTestVdab).Explanation, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> WindowStarts => new()
    {
        { "2026-05-15", "2026-01-15" },
        { "2026-06-30", "2026-02-28" }, // no 30 February: clamped to the month's end
        { "2026-03-31", "2025-11-30" }, // no 31 November
        { "2024-06-29", "2024-02-29" }, // leap year
        { "2025-06-29", "2025-02-28" },
        { "2026-07-31", "2026-03-31" },
        { "2026-01-01", "2025-09-01" },
    };

    [Theory]
    [MemberData(nameof(WindowStarts))]
    public void Section_2_3_window_starts_4_calendar_months_before_the_submission_date(string submission, string expectedStart)
    {
        Assert.Equal(D(expectedStart), LabourMarketTest.WindowStart(D(submission), 4));

        // The first day of the window counts; the day before it does not.
        DateOnly start = D(expectedStart);
        Assert.Equal(1, LabourMarketTest.DaysInWindow([new(VacancySite.Vdab, start.AddDays(-1), start)], VacancySite.Vdab, start, D(submission)));
        Assert.Equal(0, LabourMarketTest.DaysInWindow([new(VacancySite.Vdab, start.AddDays(-5), start.AddDays(-1))], VacancySite.Vdab, start, D(submission)));
    }

    [Fact]
    public void Section_2_3_window_start_on_month_end_submissions_shows_in_the_explanation()
    {
        RuleResult vdab = Rule(Check("2026-06-30", [Vdab("2026-02-01", "2026-06-29")]), RuleIds.LabourMarketTestVdab);

        // 2026-02-28 to 2026-06-29: 1 + 31 + 30 + 31 + 29 = 122 days; January and most of February fall outside.
        Assert.Equal(RuleOutcome.Met, vdab.Outcome);
        Assert.Contains("122 days published inside the window 2026-02-28 to 2026-06-29", vdab.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_2_3_a_publication_ending_the_day_before_submission_counts_one_starting_on_the_submission_date_does_not()
    {
        DateOnly start = D("2026-01-15");
        DateOnly submission = D(Submission);

        Assert.Equal(1, LabourMarketTest.DaysInWindow([Vdab("2026-05-14", "2026-05-14")], VacancySite.Vdab, start, submission));
        Assert.Equal(0, LabourMarketTest.DaysInWindow([Vdab("2026-05-15", "2026-07-31")], VacancySite.Vdab, start, submission));

        // 62 days ending the day before + a publication from the submission date on: still 62.
        RuleResult vdab = Rule(Check(Submission, [Vdab("2026-03-14", "2026-05-14"), Vdab("2026-05-15", "2026-08-31")]), RuleIds.LabourMarketTestVdab);
        Assert.Equal(RuleOutcome.NotMet, vdab.Outcome);
        Assert.Contains("62 days published", vdab.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_2_3_publications_reaching_outside_the_window_count_only_their_days_inside_it()
    {
        // 2025-11-01 to 2026-03-31: only 2026-01-15 to 2026-03-31 is inside, 17 + 28 + 31 = 76 days.
        Assert.Equal(76, LabourMarketTest.DaysInWindow([Vdab("2025-11-01", "2026-03-31")], VacancySite.Vdab, D("2026-01-15"), D(Submission)));

        // Entirely before the window: nothing.
        Assert.Equal(0, LabourMarketTest.DaysInWindow([Vdab("2025-09-01", "2026-01-14")], VacancySite.Vdab, D("2026-01-15"), D(Submission)));
    }

    [Fact]
    public void Section_2_3_VDAB_without_EURES_fails_on_EURES()
    {
        IReadOnlyList<RuleResult> results = Check(Submission, [Vdab("2026-02-01", "2026-05-14")], documents: DocumentTypes.SearchDossier);

        RuleResult vdab = Rule(results, RuleIds.LabourMarketTestVdab);
        RuleResult eures = Rule(results, RuleIds.LabourMarketTestEures);
        Assert.Equal(RuleOutcome.Met, vdab.Outcome);
        Assert.Contains("VDAB: 103 days", vdab.Explanation, StringComparison.Ordinal);
        Assert.Equal(RuleOutcome.NotMet, eures.Outcome);
        Assert.Contains("EURES: 0 days", eures.Explanation, StringComparison.Ordinal);
        Assert.Contains("short by 63 days (9 weeks)", eures.Explanation, StringComparison.Ordinal);
        Assert.Contains("No publication on EURES falls inside the window", eures.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<VacancyPublication[], int> Overlaps => new()
    {
        // Two overlapping publications: 2026-02-01..2026-04-15 once = 28 + 31 + 15 = 74 (not 59 + 46 = 105).
        { [Vdab("2026-02-01", "2026-03-31"), Vdab("2026-03-01", "2026-04-15")], 74 },

        // The same publication declared twice counts once.
        { [Vdab("2026-03-01", "2026-03-31"), Vdab("2026-03-01", "2026-03-31")], 31 },

        // A publication nested in another adds nothing.
        { [Vdab("2026-02-01", "2026-04-30"), Vdab("2026-03-10", "2026-03-20")], 89 },

        // Adjacent publications join without a gap; a gap is not counted.
        { [Vdab("2026-02-01", "2026-02-28"), Vdab("2026-03-01", "2026-03-10"), Vdab("2026-03-21", "2026-03-31")], 49 },

        // EURES publications do not count for VDAB; a publication ending before it starts covers nothing.
        { [Vdab("2026-03-01", "2026-03-31"), Eures("2026-01-15", "2026-05-14"), Vdab("2026-04-10", "2026-04-01")], 31 },
    };

    [Theory]
    [MemberData(nameof(Overlaps))]
    public void Section_2_3_overlapping_publications_are_not_double_counted(VacancyPublication[] publications, int expected)
    {
        Assert.Equal(expected, LabourMarketTest.DaysInWindow(publications, VacancySite.Vdab, D("2026-01-15"), D(Submission)));
    }

    [Fact]
    public void Section_2_3_two_overlapping_publications_totalling_more_than_63_but_covering_62_distinct_days_fail()
    {
        // 2026-03-14..2026-04-30 (48 days) and 2026-04-01..2026-05-14 (44 days): 92 by sum, 62 distinct.
        RuleResult vdab = Rule(Check(Submission, [Vdab("2026-03-14", "2026-04-30"), Vdab("2026-04-01", "2026-05-14")]), RuleIds.LabourMarketTestVdab);

        Assert.Equal(RuleOutcome.NotMet, vdab.Outcome);
        Assert.Contains("62 days published", vdab.Explanation, StringComparison.Ordinal);
        Assert.Contains("overlapping publications counted once", vdab.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, bool, RuleOutcome, string> BeforeMay2024 => new()
    {
        // Window for 2024-04-30: 2023-12-30 to 2024-04-29.
        { "2024-04-30", "2024-03-19", false, RuleOutcome.Met, "42 days (6 weeks)" }, // 2024-03-19..2024-04-29 = 42
        { "2024-04-30", "2024-03-20", false, RuleOutcome.NotMet, "41 days" },
        { "2024-04-30", "2024-04-09", true, RuleOutcome.Met, "21 days (3 weeks)" }, // 2024-04-09..2024-04-29 = 21
        { "2024-04-30", "2024-04-10", true, RuleOutcome.NotMet, "20 days" },
    };

    [Theory]
    [MemberData(nameof(BeforeMay2024))]
    public void Addition_before_2024_05_01_VDAB_only_42_days_or_21_for_seasonal_work(string submission, string from, bool seasonal, RuleOutcome expected, string days)
    {
        IReadOnlyList<RuleResult> results = Check(submission, [Vdab(from, "2024-04-29")], seasonal);

        RuleResult vdab = Rule(results, RuleIds.LabourMarketTestVdab);
        Assert.Equal(expected, vdab.Outcome);
        Assert.Equal("addition", vdab.Section);
        Assert.StartsWith($"VDAB: {days} published", vdab.Explanation, StringComparison.Ordinal);
        Assert.Contains(seasonal ? "the minimum for seasonal work is 21 days (3 weeks)" : "the minimum is 42 days (6 weeks)", vdab.Explanation, StringComparison.Ordinal);
        Assert.Contains("the earlier rule, not in the concept note (policy entry labour-market-test-vdab-6-weeks", vdab.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(results, r => r.RuleId == RuleIds.LabourMarketTestEures);
    }

    [Fact]
    public void Section_2_3_switch_on_2024_05_01_the_day_before_VDAB_6_weeks_suffice_the_day_itself_EURES_and_9_weeks_are_needed()
    {
        // 42 days at VDAB just before each submission date.
        IReadOnlyList<RuleResult> before = Check("2024-04-30", [Vdab("2024-03-19", "2024-04-29")]);
        IReadOnlyList<RuleResult> on = Check("2024-05-01", [Vdab("2024-03-20", "2024-04-30")]);

        Assert.Equal(RuleOutcome.Met, Rule(before, RuleIds.LabourMarketTestVdab).Outcome);
        Assert.DoesNotContain(before, r => r.RuleId == RuleIds.LabourMarketTestEures);

        RuleResult vdab = Rule(on, RuleIds.LabourMarketTestVdab);
        Assert.Equal(RuleOutcome.NotMet, vdab.Outcome);
        Assert.Contains("42 days (6 weeks) published inside the window 2024-01-01 to 2024-04-30", vdab.Explanation, StringComparison.Ordinal);
        Assert.Contains("the minimum is 63 days (9 weeks)", vdab.Explanation, StringComparison.Ordinal);
        Assert.Equal(RuleOutcome.NotMet, Rule(on, RuleIds.LabourMarketTestEures).Outcome);
    }

    [Fact]
    public void Section_2_3_seasonal_work_after_2024_05_01_needs_the_same_63_days()
    {
        RuleResult vdab = Rule(Check(Submission, [Vdab("2026-04-01", "2026-05-14")], seasonal: true), RuleIds.LabourMarketTestVdab);

        Assert.Equal(RuleOutcome.NotMet, vdab.Outcome);
        Assert.Contains("the minimum is 63 days (9 weeks)", vdab.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, RuleOutcome.Met)]
    [InlineData(false, RuleOutcome.NotMet)]
    public void Section_2_3_the_search_dossier_must_be_in_the_file(bool present, RuleOutcome expected)
    {
        string[] documents = present ? [DocumentTypes.SearchDossier, DocumentTypes.VacancyEvidence] : [DocumentTypes.VacancyEvidence];
        RuleResult dossier = Rule(Check(Submission, [], documents: documents), RuleIds.LabourMarketTestSearchDossier);

        Assert.Equal(expected, dossier.Outcome);
        Assert.Equal("§2.3", dossier.Section);
        Assert.Contains("'search-dossier'", dossier.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_2_3_without_a_rule_in_force_the_caseworker_checks_the_publications()
    {
        IReadOnlyList<RuleResult> results = LabourMarketTest.Check([], D("2018-12-31"), seasonal: false, Documents(), rule: null);

        Assert.Equal(RuleOutcome.NeedsJudgement, Rule(results, RuleIds.LabourMarketTestVdab).Outcome);
        Assert.Equal(RuleOutcome.NotMet, Rule(results, RuleIds.LabourMarketTestSearchDossier).Outcome);
    }
}
