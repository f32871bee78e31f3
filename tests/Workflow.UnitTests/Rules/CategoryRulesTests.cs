using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Rules;
using static Workflow.UnitTests.Rules.RuleFacts;

namespace Workflow.UnitTests.Rules;

/// <summary>
/// The medium-skilled shortage occupation and "other"/seasonal categories (§2.3), ministers of religion (§2.7) and the
/// categories without conditions in the note (§2.5), with every switch date of the migration list and the VKS 2 exclusion.
/// </summary>
public class CategoryRulesTests
{
    static EligibilityFacts Medium(string date, string? occupation) =>
        For(PermitCategory.MediumSkilledShortage, date) with { OccupationCode = occupation, JobVksLevel = 4, GrossAnnualSalary = 40_000m };

    public static TheoryData<string, string, RuleOutcome, string> MigrationListSwitches => new()
    {
        // 2019-01-01: the first list.
        { "2018-12-31", "chef", RuleOutcome.NeedsJudgement, "No medium-skilled migration list is encoded for the submission date 2018-12-31" },
        { "2019-01-01", "chef", RuleOutcome.Met, "'migration-list-2019-01'" },

        // 2021-04-01: four added, among them baker.
        { "2021-03-31", "baker", RuleOutcome.NotMet, "'migration-list-2019-01'" },
        { "2021-04-01", "baker", RuleOutcome.Met, "'migration-list-2021-04' (in force from 2021-04-01, 22 published entries)" },
        { "2021-03-31", "cnc-machine-operator", RuleOutcome.NotMet, "'migration-list-2019-01'" },
        { "2021-04-01", "cnc-machine-operator", RuleOutcome.Met, "'migration-list-2021-04'" },

        // 2023-09-01: ten added (bricklayer), three removed (chef, data network installer).
        { "2023-08-31", "bricklayer", RuleOutcome.NotMet, "'migration-list-2021-04'" },
        { "2023-09-01", "bricklayer", RuleOutcome.Met, "'migration-list-2023-09' (in force from 2023-09-01, 29 published entries)" },
        { "2023-08-31", "chef", RuleOutcome.Met, "'migration-list-2021-04'" },
        { "2023-09-01", "chef", RuleOutcome.NotMet, "it was removed from the list" },

        // 2026-01-01: truck, bus and coach drivers, butcher, baker removed; roofer, asbestos remover added.
        { "2025-12-31", "truck-driver", RuleOutcome.Met, "'migration-list-2023-09'" },
        { "2026-01-01", "truck-driver", RuleOutcome.NotMet, "'migration-list-2026-01-partial' (in force from 2026-01-01, 21 published entries)" },
        { "2025-12-31", "bus-driver", RuleOutcome.Met, "'migration-list-2023-09'" },
        { "2026-01-01", "coach-driver", RuleOutcome.NotMet, "it was removed from the list" },
        { "2026-01-01", "butcher", RuleOutcome.NotMet, "it was removed from the list" },
        { "2025-12-31", "roofer", RuleOutcome.NotMet, "'migration-list-2023-09'" },
        { "2026-01-01", "roofer", RuleOutcome.Met, "'migration-list-2026-01-partial'" },
        { "2025-12-31", "asbestos-remover", RuleOutcome.NotMet, "'migration-list-2023-09'" },
        { "2026-01-01", "asbestos-remover", RuleOutcome.Met, "asbestos remover" },

        // The data network installer: on the 2019 and 2021 lists, off in 2023, back in 2026.
        { "2023-08-31", "data-network-installer", RuleOutcome.Met, "'migration-list-2021-04'" },
        { "2023-09-01", "data-network-installer", RuleOutcome.NotMet, "'migration-list-2023-09'" },
        { "2026-01-01", "data-network-installer", RuleOutcome.Met, "'migration-list-2026-01-partial'" },

        // 2026-01-01, the other named additions and removals.
        { "2026-01-01", "diamond-polisher", RuleOutcome.Met, "diamond polisher" },
        { "2026-01-01", "diamond-sorter", RuleOutcome.Met, "'migration-list-2026-01-partial'" },
        { "2026-01-01", "chemical-process-operator", RuleOutcome.Met, "'migration-list-2026-01-partial'" },
        { "2025-12-31", "maintenance-mechanic", RuleOutcome.Met, "'migration-list-2023-09'" },
        { "2026-01-01", "maintenance-mechanic", RuleOutcome.NotMet, "it was removed from the list" },
        { "2026-01-01", "floor-tiler", RuleOutcome.NotMet, "it was removed from the list" },
        { "2026-01-01", "plumber", RuleOutcome.NotMet, "it was removed from the list" },
    };

    [Theory]
    [MemberData(nameof(MigrationListSwitches))]
    public void Section_2_3_occupation_on_the_migration_list_valid_on_the_submission_date(string date, string occupation, RuleOutcome expected, string explanation)
    {
        RuleResult result = Rule(Medium(date, occupation), RuleIds.MediumSkilledOnMigrationList);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal("§2.3", result.Section);
        Assert.Contains(explanation, result.Explanation, StringComparison.Ordinal);
        if (expected is not (RuleOutcome.NeedsJudgement or RuleOutcome.ListIncomplete))
        {
            Assert.Contains($"'{occupation}'", result.Explanation, StringComparison.Ordinal);
            Assert.Contains($"the version valid on the submission date {date}", result.Explanation, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("bricklayer")] // on the 2023 list; whether it stays on in 2026, no source here says
    [InlineData("lift-installer")] // removed by the 2025 draft; not confirmed for the final list
    [InlineData("welder")] // an occupation no encoded list names
    public void Section_2_3_an_occupation_the_partial_2026_list_neither_names_nor_removes_is_said_to_be_a_gap_in_the_list(string occupation)
    {
        RuleResult result = Rule(Medium("2026-01-01", occupation), RuleIds.MediumSkilledOnMigrationList);

        Assert.Equal(RuleOutcome.ListIncomplete, result.Outcome);
        Assert.StartsWith("List incomplete for this date:", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("the published list has 21 occupations; 6 are encoded, 8 removals known", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("'migration-list-2026-01-partial'", result.Explanation, StringComparison.Ordinal);
        Assert.Contains($"'{occupation}'", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Section_2_3_no_occupation_code_needs_judgement_and_names_the_list_version(string? occupation)
    {
        RuleResult result = Rule(Medium("2025-06-01", occupation), RuleIds.MediumSkilledOnMigrationList);

        Assert.Equal(RuleOutcome.NeedsJudgement, result.Outcome);
        Assert.Contains("No occupation code is given", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("'migration-list-2023-09'", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_2_3_an_unknown_occupation_is_not_on_a_complete_list()
    {
        RuleResult result = Rule(Medium("2025-06-01", "astronaut"), RuleIds.MediumSkilledOnMigrationList);

        Assert.Equal(RuleOutcome.NotMet, result.Outcome);
        Assert.Contains("'astronaut' (not an occupation of any encoded list version)", result.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string, decimal, RuleOutcome, string> MediumSalaries => new()
    {
        { "2025-06-01", 32_000.00m, RuleOutcome.Met, "Salary 32,000.00 EUR is at or above the 2025 medium-skilled level of 32,000.00 EUR" },
        { "2025-06-01", 31_999.99m, RuleOutcome.NotMet, "Salary 31,999.99 EUR is below the 2025 medium-skilled level of 32,000.00 EUR (policy entry medium-skilled-salary-2025-placeholder), short by 0.01 EUR" },
        { "2024-12-31", 31_000.00m, RuleOutcome.Met, "the 2024 medium-skilled level of 31,000.00 EUR" },
        { "2025-01-01", 31_000.00m, RuleOutcome.NotMet, "the 2025 medium-skilled level of 32,000.00 EUR" },
    };

    [Theory]
    [MemberData(nameof(MediumSalaries))]
    public void Section_2_3_salary_at_the_medium_skilled_level_a_placeholder_for_the_joint_committee_scale(string date, decimal salary, RuleOutcome expected, string explanation)
    {
        RuleResult result = Rule(Medium(date, "roofer") with { GrossAnnualSalary = salary }, RuleIds.MediumSkilledSalary);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal("§2.3", result.Section);
        Assert.Contains(explanation, result.Explanation, StringComparison.Ordinal);
        Assert.Contains("placeholder standing in for the joint committee's 'skilled' scale", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, RuleOutcome.NotMet)]
    [InlineData(3, RuleOutcome.Met)]
    [InlineData(4, RuleOutcome.Met)]
    [InlineData(5, RuleOutcome.NotMet)]
    public void Section_2_3_medium_skilled_function_is_VKS_3_to_4(int vks, RuleOutcome expected)
    {
        RuleResult result = Rule(Medium("2026-03-02", "roofer") with { JobVksLevel = vks }, RuleIds.MediumSkilledFunctionLevel);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains($"The function is at VKS {vks}", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("VKS 3 to 4", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_2_3_medium_skilled_has_no_labour_market_test()
    {
        IReadOnlyList<RuleResult> results = Evaluate(Medium("2026-03-02", "roofer"));

        Assert.Equal([RuleIds.MediumSkilledOnMigrationList, RuleIds.MediumSkilledSalary, RuleIds.MediumSkilledFunctionLevel], results.Select(r => r.RuleId));
        Assert.All(results, r => Assert.Equal(RuleOutcome.Met, r.Outcome));
    }

    public static TheoryData<PermitCategory, string, int, RuleOutcome, string> LowSkilledExclusion => new()
    {
        // Not in force the day before the (placeholder) start date.
        { PermitCategory.Other, "2025-12-31", 2, RuleOutcome.NotApplicable, "not in force on the submission date 2025-12-31" },
        { PermitCategory.Seasonal, "2025-12-31", 2, RuleOutcome.NotApplicable, "not in force" },

        // In force from 2026-01-01: VKS 2 or below excluded from "other", seasonal work excepted.
        { PermitCategory.Other, "2026-01-01", 2, RuleOutcome.NotMet, "The function is at VKS 2: low-skilled functions (VKS 2 or below" },
        { PermitCategory.Other, "2026-01-01", 1, RuleOutcome.NotMet, "The function is at VKS 1" },
        { PermitCategory.Other, "2026-01-01", 3, RuleOutcome.Met, "The function is declared at VKS 3, above the excluded low-skilled levels (VKS 2 or below" },
        { PermitCategory.Seasonal, "2026-01-01", 2, RuleOutcome.Met, "seasonal work stays an exception to the exclusion (§2.3" },
        { PermitCategory.Seasonal, "2026-01-01", 1, RuleOutcome.Met, "seasonal work stays an exception" },
    };

    [Theory]
    [MemberData(nameof(LowSkilledExclusion))]
    public void Section_2_3_VKS_2_functions_are_excluded_from_other_except_seasonal_work(PermitCategory category, string date, int vks, RuleOutcome expected, string explanation)
    {
        RuleResult result = Rule(For(category, date) with { JobVksLevel = vks }, RuleIds.OtherNotLowSkilled);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal("§2.3", result.Section);
        Assert.Contains(explanation, result.Explanation, StringComparison.Ordinal);
        if (expected != RuleOutcome.NotApplicable)
        {
            Assert.Contains("in force from 2026-01-01, a placeholder date; policy entry other-category-2026-placeholder", result.Explanation, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, decimal, RuleOutcome, string> OtherSalaries => new()
    {
        { "2025-12-31", 20_000m, RuleOutcome.NotApplicable, "not in force on the submission date 2025-12-31" },
        { "2026-01-01", 32_000m, RuleOutcome.Met, "Salary 32,000.00 EUR is at or above the 2025 medium-skilled level of 32,000.00 EUR" },
        { "2026-01-01", 31_999.99m, RuleOutcome.NotMet, "short by 0.01 EUR" },
    };

    [Theory]
    [MemberData(nameof(OtherSalaries))]
    public void Section_2_3_other_pays_at_the_medium_skilled_level_once_in_force(string date, decimal salary, RuleOutcome expected, string explanation)
    {
        RuleResult result = Rule(For(PermitCategory.Other, date) with { GrossAnnualSalary = salary }, RuleIds.OtherSalary);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(explanation, result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PermitCategory.Other)]
    [InlineData(PermitCategory.Seasonal)]
    public void Section_2_3_other_runs_the_labour_market_test_and_leaves_the_local_worker_question_to_the_caseworker(PermitCategory category)
    {
        EligibilityFacts facts = For(category, "2026-05-15") with
        {
            JobVksLevel = 3,
            Vacancies = [Vdab("2026-01-15", "2026-05-14"), Eures("2026-01-15", "2026-05-14")],
            DocumentTypes = Documents(DocumentTypes.SearchDossier),
        };

        IReadOnlyList<RuleResult> results = Evaluate(facts);

        Assert.Equal(
            [
                RuleIds.OtherNotLowSkilled, RuleIds.OtherSalary, RuleIds.LabourMarketTestVdab, RuleIds.LabourMarketTestEures,
                RuleIds.LabourMarketTestSearchDossier, RuleIds.LabourMarketTestLocalWorkerJudgement,
            ],
            results.Select(r => r.RuleId));
        RuleResult judgement = Rule(results, RuleIds.LabourMarketTestLocalWorkerJudgement);
        Assert.Equal(RuleOutcome.NeedsJudgement, judgement.Outcome);
        Assert.Equal("§2.3", judgement.Section);
        Assert.Contains("insufficient on its own", judgement.Explanation, StringComparison.Ordinal);
        Assert.All(results.Where(r => r.RuleId != RuleIds.LabourMarketTestLocalWorkerJudgement), r => Assert.Equal(RuleOutcome.Met, r.Outcome));
    }

    [Theory]
    [InlineData(true, RuleOutcome.Met)]
    [InlineData(false, RuleOutcome.NotMet)]
    public void Section_2_7_minister_needs_proof_of_a_shortage_of_ministers(bool proof, RuleOutcome expected)
    {
        EligibilityFacts facts = For(PermitCategory.MinisterOfReligion, "2026-03-02") with
        {
            DocumentTypes = proof ? Documents(DocumentTypes.MinisterShortageProof, DocumentTypes.Passport) : Documents(DocumentTypes.Passport),
        };

        RuleResult result = Rule(facts, RuleIds.MinisterShortageProof);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal("§2.7", result.Section);
        Assert.Contains("'minister-shortage-proof'", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    [InlineData(false)]
    public void Section_2_7_integration_test_is_not_in_force_until_a_date_is_known(bool? passed)
    {
        IReadOnlyList<RuleResult> results = Evaluate(For(PermitCategory.MinisterOfReligion, "2030-01-01") with { IntegrationTestPassed = passed });

        RuleResult result = Rule(results, RuleIds.MinisterIntegrationTest);
        Assert.Equal(RuleOutcome.NotApplicable, result.Outcome);
        Assert.Equal("§2.7", result.Section);
        Assert.Contains("not in force on the submission date 2030-01-01", result.Explanation, StringComparison.Ordinal);
        Assert.Equal([RuleIds.MinisterShortageProof, RuleIds.MinisterIntegrationTest], results.Select(r => r.RuleId));
    }

    public static TheoryData<string, bool?, RuleOutcome> IntegrationTestInForce => new()
    {
        { "2026-12-31", true, RuleOutcome.NotApplicable },
        { "2027-01-01", true, RuleOutcome.Met },
        { "2027-01-01", false, RuleOutcome.NotMet },
        { "2027-01-01", null, RuleOutcome.NotMet },
    };

    [Theory]
    [MemberData(nameof(IntegrationTestInForce))]
    public void Section_2_7_once_dated_the_integration_test_is_met_only_with_proof_of_a_pass(string date, bool? passed, RuleOutcome expected)
    {
        var catalog = new EligibilityCatalog(Catalog.Data with
        {
            MinisterIntegrationTest = [new MinisterIntegrationTestEntry("minister-integration-test-2027", D("2027-01-01"), "test")],
        });

        RuleResult result = Rule(
            EligibilityRules.Evaluate(For(PermitCategory.MinisterOfReligion, date) with { IntegrationTestPassed = passed }, catalog),
            RuleIds.MinisterIntegrationTest);

        Assert.Equal(expected, result.Outcome);
        if (expected != RuleOutcome.NotApplicable)
        {
            Assert.Contains("from 2027-01-01, policy entry minister-integration-test-2027", result.Explanation, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(PermitCategory.WorkCard, "work-card.category-conditions", "work card up to 90 days")]
    [InlineData(PermitCategory.ProfessionalCard, "professional-card.category-conditions", "professional card")]
    public void Section_2_5_work_card_and_professional_card_get_an_explicit_not_applicable(PermitCategory category, string ruleId, string named)
    {
        RuleResult result = Assert.Single(Evaluate(For(category, "2026-03-02")));

        Assert.Equal(ruleId, result.RuleId);
        Assert.Equal("§2.5", result.Section);
        Assert.Equal(RuleOutcome.NotApplicable, result.Outcome);
        Assert.Contains($"The concept note sets no category conditions for the {named}", result.Explanation, StringComparison.Ordinal);
    }
}
