using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Rules;
using static Workflow.UnitTests.Rules.RuleFacts;

namespace Workflow.UnitTests.Rules;

/// <summary>
/// The highly skilled category (§2.2): function at higher-education level (VKS ≥ 5), the nurse exception, no highly
/// skilled person in a lower-level function, and the salary threshold (an addition:
/// docs/policy.md#figures-from-public-sources), with every switch date.
/// </summary>
public class HighlySkilledRulesTests
{
    static EligibilityFacts HighlySkilled(string date) => For(PermitCategory.HighlySkilled, date);

    public static TheoryData<string, decimal, RuleOutcome, string> SalarySwitches => new()
    {
        { "2023-12-31", 46_000m, RuleOutcome.Met, "the 2023 threshold of 45,984.00 EUR (100% of the average gross annual wage, Statbel)" },
        { "2024-01-01", 46_000m, RuleOutcome.NotMet, "the 2024 threshold of 46,632.00 EUR (100% of the average gross annual wage, Statbel)" },
        { "2024-12-31", 48_000m, RuleOutcome.Met, "the 2024 threshold of 46,632.00 EUR" },
        { "2025-01-01", 48_000m, RuleOutcome.NotMet, "the 2025 threshold of 48,912.00 EUR" },
        { "2027-06-01", 48_912m, RuleOutcome.Met, "the 2025 threshold of 48,912.00 EUR" }, // the 2025 amounts stay until the next average
    };

    [Theory]
    [MemberData(nameof(SalarySwitches))]
    public void Addition_salary_threshold_switches_on_1_January(string date, decimal salary, RuleOutcome expected, string threshold)
    {
        RuleResult result = Rule(HighlySkilled(date) with { GrossAnnualSalary = salary }, RuleIds.HighlySkilledSalary);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal("addition", result.Section);
        Assert.Contains(threshold, result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Addition_salary_above_the_threshold_is_explained_with_both_figures()
    {
        RuleResult result = Rule(HighlySkilled("2025-06-01") with { GrossAnnualSalary = 52_000m }, RuleIds.HighlySkilledSalary);

        Assert.Equal(RuleOutcome.Met, result.Outcome);
        Assert.StartsWith(
            "Salary 52,000.00 EUR is at or above the 2025 threshold of 48,912.00 EUR (100% of the average gross annual wage, Statbel)",
            result.Explanation,
            StringComparison.Ordinal);
    }

    public static TheoryData<decimal, int, bool, RuleOutcome, string> SalaryBoundaries => new()
    {
        { 48_912.00m, 35, false, RuleOutcome.Met, "Salary 48,912.00 EUR is at or above the 2025 threshold of 48,912.00 EUR" },
        { 48_911.99m, 35, false, RuleOutcome.NotMet, "Salary 48,911.99 EUR is below the 2025 threshold of 48,912.00 EUR (100% of the average gross annual wage, Statbel), short by 0.01 EUR" },
        { 39_129.60m, 29, false, RuleOutcome.Met, "Salary 39,129.60 EUR is at or above the 2025 reduced threshold of 39,129.60 EUR (80% of the average gross annual wage, Statbel)" },
        { 39_129.59m, 29, false, RuleOutcome.NotMet, "Salary 39,129.59 EUR is below the 2025 reduced threshold of 39,129.60 EUR (80% of the average gross annual wage, Statbel), short by 0.01 EUR" },
        { 39_129.60m, 45, true, RuleOutcome.Met, "the 2025 reduced threshold of 39,129.60 EUR (80% of the average gross annual wage, Statbel); it applies to nurses" },
        { 39_129.59m, 45, true, RuleOutcome.NotMet, "short by 0.01 EUR; it applies to nurses" },
    };

    [Theory]
    [MemberData(nameof(SalaryBoundaries))]
    public void Addition_salary_exactly_at_the_threshold_is_met_one_cent_under_is_not(decimal salary, int age, bool nurse, RuleOutcome expected, string explanation)
    {
        EligibilityFacts facts = HighlySkilled("2025-06-01") with
        {
            GrossAnnualSalary = salary,
            WorkerAgeAtSubmission = age,
            NurseAwaitingRecognition = nurse,
            JobVksLevel = nurse ? 4 : 6,
        };

        RuleResult result = Rule(facts, RuleIds.HighlySkilledSalary);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(explanation, result.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<int, RuleOutcome, string> ReducedThresholdByAge => new()
    {
        { 29, RuleOutcome.Met, "reduced threshold of 39,129.60 EUR (80% of the average gross annual wage, Statbel); it applies to workers under 30" },
        { 30, RuleOutcome.NotMet, "below the 2025 threshold of 48,912.00 EUR (100% of the average gross annual wage, Statbel), short by 8,912.00 EUR; the worker is 30 or older" },
    };

    [Theory]
    [MemberData(nameof(ReducedThresholdByAge))]
    public void Addition_reduced_80_percent_threshold_for_workers_under_30(int age, RuleOutcome expected, string explanation)
    {
        RuleResult result = Rule(HighlySkilled("2025-06-01") with { GrossAnnualSalary = 40_000m, WorkerAgeAtSubmission = age }, RuleIds.HighlySkilledSalary);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(explanation, result.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(age.ToString(System.Globalization.CultureInfo.InvariantCulture) + " years", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Addition_reduced_threshold_for_nurses_whatever_their_age()
    {
        RuleResult result = Rule(
            HighlySkilled("2024-06-01") with { GrossAnnualSalary = 37_305.60m, WorkerAgeAtSubmission = 50, NurseAwaitingRecognition = true },
            RuleIds.HighlySkilledSalary);

        Assert.Equal(RuleOutcome.Met, result.Outcome);
        Assert.Contains("the 2024 reduced threshold of 37,305.60 EUR (80%", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("it applies to nurses", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Addition_unknown_age_between_the_80_and_100_percent_thresholds_needs_judgement()
    {
        RuleResult result = Rule(HighlySkilled("2025-06-01") with { GrossAnnualSalary = 45_000m, WorkerAgeAtSubmission = null }, RuleIds.HighlySkilledSalary);

        Assert.Equal(RuleOutcome.NeedsJudgement, result.Outcome);
        Assert.Contains("48,912.00 EUR", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("39,129.60 EUR", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("age is not known", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Addition_no_threshold_encoded_before_2023_needs_judgement()
    {
        Assert.Equal(RuleOutcome.NeedsJudgement, Rule(HighlySkilled("2022-12-31"), RuleIds.HighlySkilledSalary).Outcome);
    }

    public static TheoryData<string, int, RuleOutcome, string, string> FunctionLevels => new()
    {
        { "2025-12-31", 5, RuleOutcome.Met, "interpretation", "'higher-education level' read as VKS 5 or higher (interpretation before 2026; policy entry highly-skilled-function-level-2019)" },
        { "2025-12-31", 4, RuleOutcome.NotMet, "interpretation", "The function is at VKS 4, below VKS 5: not at higher-education level" },
        { "2026-01-01", 5, RuleOutcome.Met, "§2.2", "at least VKS 5 from 2026-01-01 (§2.2; policy entry highly-skilled-function-level-2026)" },
        { "2026-01-01", 4, RuleOutcome.NotMet, "§2.2", "The function is at VKS 4, below VKS 5" },
        { "2026-01-01", 8, RuleOutcome.Met, "§2.2", "The function is at VKS 8" },
    };

    [Theory]
    [MemberData(nameof(FunctionLevels))]
    public void Section_2_2_function_at_higher_education_level_VKS_5_rule_from_2026_01_01(string date, int vks, RuleOutcome expected, string section, string explanation)
    {
        RuleResult result = Rule(HighlySkilled(date) with { JobVksLevel = vks }, RuleIds.HighlySkilledFunctionLevel);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(section, result.Section);
        Assert.Contains(explanation, result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-12-31")]
    [InlineData("2026-01-01")]
    public void Section_2_2_nurse_awaiting_recognition_in_another_care_function_is_the_exception(string date)
    {
        EligibilityFacts facts = HighlySkilled(date) with { JobVksLevel = 4, WorkerQualificationVks = 6, NurseAwaitingRecognition = true, GrossAnnualSalary = 40_000m };
        IReadOnlyList<RuleResult> results = Evaluate(facts);

        RuleResult level = Rule(results, RuleIds.HighlySkilledFunctionLevel);
        Assert.Equal(RuleOutcome.Met, level.Outcome);
        Assert.Equal("§2.2", level.Section);
        Assert.Contains("Met by the nurse exception (§2.2)", level.Explanation, StringComparison.Ordinal);
        Assert.Contains("VKS 4, below the required VKS 5", level.Explanation, StringComparison.Ordinal);

        RuleResult lowerLevel = Rule(results, RuleIds.HighlySkilledNotLowerLevelFunction);
        Assert.Equal(RuleOutcome.Met, lowerLevel.Outcome);
        Assert.Contains("nurse exception", lowerLevel.Explanation, StringComparison.Ordinal);

        Assert.Equal(RuleOutcome.Met, Rule(results, RuleIds.HighlySkilledSalary).Outcome); // 80% applies to nurses
    }

    public static TheoryData<int?, int, RuleOutcome, string> LowerLevelFunctions => new()
    {
        { 7, 4, RuleOutcome.NotMet, "A highly skilled worker (qualification VKS 7) in a lower-level function (VKS 4, below VKS 5) cannot use the highly skilled category (§2.2)" },
        { 5, 3, RuleOutcome.NotMet, "(qualification VKS 5) in a lower-level function (VKS 3, below VKS 5)" },
        { 7, 5, RuleOutcome.Met, "The function is at VKS 5 (VKS 5 or higher): not a lower-level function." },
        { 4, 4, RuleOutcome.NotApplicable, "The worker's qualification (VKS 4) is below VKS 5" },
        { null, 4, RuleOutcome.NeedsJudgement, "the worker's qualification level is not known" },
    };

    [Theory]
    [MemberData(nameof(LowerLevelFunctions))]
    public void Section_2_2_highly_skilled_person_in_a_medium_level_function_cannot_use_the_category(int? qualification, int job, RuleOutcome expected, string explanation)
    {
        IReadOnlyList<RuleResult> results = Evaluate(HighlySkilled("2026-03-02") with { WorkerQualificationVks = qualification, JobVksLevel = job });

        RuleResult result = Rule(results, RuleIds.HighlySkilledNotLowerLevelFunction);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal("§2.2", result.Section);
        Assert.Contains(explanation, result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_2_2_highly_skilled_has_no_labour_market_test()
    {
        IReadOnlyList<RuleResult> results = Evaluate(HighlySkilled("2026-03-02"));

        Assert.Equal([RuleIds.HighlySkilledFunctionLevel, RuleIds.HighlySkilledNotLowerLevelFunction, RuleIds.HighlySkilledSalary], results.Select(r => r.RuleId));
        Assert.All(results, r => Assert.Equal(RuleOutcome.Met, r.Outcome));
        Assert.DoesNotContain(results, r => r.RuleId.StartsWith("labour-market-test", StringComparison.Ordinal));
    }
}
