using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Rules;
using static Workflow.UnitTests.Rules.RuleFacts;

namespace Workflow.UnitTests.Rules;

/// <summary>
/// The wage check of a renewal (rule <c>renewal.wage</c>, §2.1): the wage DMFA declares for the worker last quarter,
/// times four, against the previous grant's gross annual wage and the category's threshold of the year (on 2026-06-01:
/// the 2025 highly skilled threshold of 48,912 EUR, 39,129.60 EUR reduced; the medium-skilled placeholder of 32,000 EUR).
/// </summary>
public class RenewalWageTests
{
    const string Previous = "wp-aaaaaaaaaaaaaaaaaaaaaaaaaa";

    static RenewalWageFacts Facts(PermitCategory category, decimal? previous, decimal? quarter, int? age = 35, bool nurse = false) =>
        new(category, D("2026-06-01"), age, nurse, Previous, previous, quarter);

    static RuleResult Evaluate(RenewalWageFacts facts) => RenewalWage.Evaluate(facts, Catalog);

    [Fact]
    public void A_wage_at_the_previous_grant_and_above_the_threshold_is_met()
    {
        RuleResult result = Evaluate(Facts(PermitCategory.HighlySkilled, previous: 60_000m, quarter: 15_000m));

        Assert.Equal((RuleIds.RenewalWage, "§2.1", RuleOutcome.Met), (result.RuleId, result.Section, result.Outcome));
        Assert.Equal(
            "DMFA declares 15,000.00 EUR for the worker last quarter, 60,000.00 EUR a year: at or above the wage of the authorisation it renews (application wp-aaaaaaaaaaaaaaaaaaaaaaaaaa), 60,000.00 EUR a year; at or above the 2025 highly skilled threshold of 48,912.00 EUR (policy entry highly-skilled-salary-2025).",
            result.Explanation);
    }

    [Fact]
    public void A_wage_that_fell_below_the_previous_grant_is_not_met_with_the_shortfall()
    {
        RuleResult result = Evaluate(Facts(PermitCategory.HighlySkilled, previous: 60_000m, quarter: 14_999.99m));

        Assert.Equal(RuleOutcome.NotMet, result.Outcome);
        Assert.Contains("below the wage of the authorisation it renews (application wp-aaaaaaaaaaaaaaaaaaaaaaaaaa), 60,000.00 EUR a year, short by 0.04 EUR", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("at or above the 2025 highly skilled threshold", result.Explanation, StringComparison.Ordinal);
        Assert.Contains($"'{DecisionGrounds.ConditionsNotMet.Code}'", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wage_below_the_threshold_of_the_year_is_not_met_even_when_it_kept_the_previous_wage()
    {
        RuleResult result = Evaluate(Facts(PermitCategory.HighlySkilled, previous: 46_000m, quarter: 11_500m));

        Assert.Equal(RuleOutcome.NotMet, result.Outcome);
        Assert.Contains("at or above the wage of the authorisation it renews", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("below the 2025 highly skilled threshold of 48,912.00 EUR (policy entry highly-skilled-salary-2025), short by 2,912.00 EUR", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(29, false, RuleOutcome.Met)] // under 30: the reduced threshold
    [InlineData(35, true, RuleOutcome.Met)] // a nurse: the reduced threshold
    [InlineData(35, false, RuleOutcome.NotMet)]
    [InlineData(null, false, RuleOutcome.NeedsJudgement)] // age unknown, between the reduced and the full threshold
    public void The_highly_skilled_threshold_is_the_reduced_one_for_the_young_and_nurses(int? age, bool nurse, RuleOutcome expected)
    {
        RuleResult result = Evaluate(Facts(PermitCategory.HighlySkilled, previous: 40_000m, quarter: 10_000m, age, nurse));

        Assert.Equal(expected, result.Outcome);
        if (expected == RuleOutcome.NeedsJudgement)
        {
            Assert.Contains("reduced threshold of 39,129.60 EUR, which applies to workers under 30; the worker's age is not known", result.Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Medium_skilled_renewals_are_held_to_the_medium_skilled_level_and_say_it_is_a_placeholder()
    {
        RuleResult result = Evaluate(Facts(PermitCategory.MediumSkilledShortage, previous: 30_000m, quarter: 7_900m));

        Assert.Equal(RuleOutcome.NotMet, result.Outcome);
        Assert.Contains("below the 2025 medium-skilled level of 32,000.00 EUR (policy entry medium-skilled-salary-2025-placeholder, a placeholder), short by 400.00 EUR", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_without_a_threshold_compares_the_previous_wage_only()
    {
        RuleResult met = Evaluate(Facts(PermitCategory.WorkCard, previous: 20_000m, quarter: 5_000m));
        RuleResult fell = Evaluate(Facts(PermitCategory.WorkCard, previous: 20_000m, quarter: 4_000m));

        Assert.Equal(RuleOutcome.Met, met.Outcome);
        Assert.Contains("The category has no salary threshold in force on 2026-06-01: only the previous grant's wage is compared.", met.Explanation, StringComparison.Ordinal);
        Assert.Equal(RuleOutcome.NotMet, fell.Outcome);
    }

    [Fact]
    public void Without_a_declared_wage_or_a_known_previous_wage_the_caseworker_judges()
    {
        RuleResult undeclared = Evaluate(Facts(PermitCategory.HighlySkilled, previous: 60_000m, quarter: null));
        Assert.Equal(RuleOutcome.NeedsJudgement, undeclared.Outcome);
        Assert.Contains("DMFA declares no wage for the worker with this employer last quarter", undeclared.Explanation, StringComparison.Ordinal);

        RuleResult unknownPrevious = Evaluate(Facts(PermitCategory.HighlySkilled, previous: null, quarter: 15_000m));
        Assert.Equal(RuleOutcome.NeedsJudgement, unknownPrevious.Outcome);
        Assert.Contains("is not known here: the caseworker compares it", unknownPrevious.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_facts_come_from_the_previous_grant_s_dossier_and_the_worker_s_dmfa_record()
    {
        EligibilityFacts facts = For(PermitCategory.HighlySkilled, "2026-06-01");
        ApplicationDossier previous = Support.Samples.Dossier(PermitCategory.HighlySkilled);
        var overview = new AuthenticSourceOverview("wp-bbbbbbbbbbbbbbbbbbbbbbbbbb", DateTimeOffset.UnixEpoch,
        [
            new SourceRecord(AuthenticSource.Dmfa, SourceFields.Employer, SourceFields.AverageMonthlyWage, "3100.00", DateTimeOffset.UnixEpoch),
            new SourceRecord(AuthenticSource.Dmfa, SourceFields.Worker, SourceFields.WorkerGrossWageLastQuarter, "13250.50", DateTimeOffset.UnixEpoch),
        ]);

        RenewalWageFacts renewal = AssessApplicationActivity.RenewalFacts(facts, Previous, previous, overview);

        Assert.Equal(new RenewalWageFacts(PermitCategory.HighlySkilled, D("2026-06-01"), 35, false, Previous, 52_000m, 13_250.50m), renewal);
        RenewalWageFacts unknown = AssessApplicationActivity.RenewalFacts(facts, Previous, previous: null, overview: null);
        Assert.Null(unknown.PreviousGrossAnnualSalary);
        Assert.Null(unknown.DeclaredWageLastQuarter);
    }
}
