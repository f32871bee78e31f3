using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using static Workflow.UnitTests.Rules.RuleFacts;

namespace Workflow.UnitTests.Rules;

/// <summary>
/// The eligibility data (Policy/Data/eligibility-policy.json): every entry sourced, placeholders and partial lists said
/// so, and the entry in force chosen by the Belgian date, on the day before and the day of every switch.
/// </summary>
public class EligibilityCatalogTests
{
    static IEnumerable<(string Id, string Source)> AllSourcedEntries(EligibilityPolicyData data) =>
        data.HighlySkilledSalaries.Select(e => (e.Id, e.Source))
            .Concat(data.MediumSkilledSalaries.Select(e => (e.Id, e.Source)))
            .Concat(data.HighlySkilledFunctionLevels.Select(e => (e.Id, e.Source)))
            .Concat(data.MediumSkilledLevels.Select(e => (e.Id, e.Source)))
            .Concat(data.OtherCategory.Select(e => (e.Id, e.Source)))
            .Concat(data.LabourMarketTests.Select(e => (e.Id, e.Source)))
            .Concat(data.MigrationLists.Select(e => (e.Id, e.Source)))
            .Concat(data.MinisterIntegrationTest.Select(e => (e.Id, e.Source)))
            .Concat(data.FraudScreening.Select(e => (e.Id, e.Source)));

    [Fact]
    public void Data_every_entry_has_a_unique_id_and_a_source()
    {
        var entries = AllSourcedEntries(Catalog.Data).ToList();

        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source), e.Id));
    }

    [Fact]
    public void Data_placeholders_say_so()
    {
        EligibilityPolicyData data = Catalog.Data;

        Assert.All(data.MediumSkilledSalaries, e =>
        {
            Assert.True(e.Placeholder, e.Id);
            Assert.StartsWith("placeholder", e.Source, StringComparison.Ordinal);
            Assert.Contains("joint committee", e.Source, StringComparison.Ordinal);
        });
        Assert.All(data.FraudScreening, e => Assert.StartsWith("placeholder", e.Source, StringComparison.Ordinal));
        Assert.Contains("placeholder", data.OtherCategory.Single(e => e.Id == "other-category-2026-placeholder").Source, StringComparison.Ordinal);
        Assert.Contains("Window: placeholder", data.LabourMarketTests.Single(e => e.Id == "labour-market-test-vdab-6-weeks").Source, StringComparison.Ordinal);
        Assert.Contains("Interpretation", data.HighlySkilledFunctionLevels.Single(e => e.Id == "highly-skilled-function-level-2019").Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_migration_list_versions_carry_their_published_counts_and_the_2026_list_is_partial()
    {
        Dictionary<string, MigrationListEntry> lists = Catalog.Data.MigrationLists.ToDictionary(l => l.Id, StringComparer.Ordinal);

        Assert.Equal((20, true, 18), (lists["migration-list-2019-01"].PublishedCount, lists["migration-list-2019-01"].Complete, lists["migration-list-2019-01"].Occupations.Count));
        Assert.Equal((22, true, 22), (lists["migration-list-2021-04"].PublishedCount, lists["migration-list-2021-04"].Complete, lists["migration-list-2021-04"].Occupations.Count));
        Assert.Equal((29, true, 30), (lists["migration-list-2023-09"].PublishedCount, lists["migration-list-2023-09"].Complete, lists["migration-list-2023-09"].Occupations.Count));

        MigrationListEntry partial = lists["migration-list-2026-01-partial"];
        Assert.Equal((21, false), (partial.PublishedCount, partial.Complete));
        Assert.StartsWith("partial: the published list has 21 occupations; 6 are encoded", partial.Source, StringComparison.Ordinal);
        Assert.Equal(["asbestos-remover", "roofer", "diamond-polisher", "diamond-sorter", "chemical-process-operator", "data-network-installer"], partial.Occupations);
        Assert.Equal(["truck-driver", "bus-driver", "coach-driver", "butcher", "baker", "plumber", "maintenance-mechanic", "floor-tiler"], partial.KnownAbsent);

        // No occupation is both on a version and known absent from it.
        Assert.All(lists.Values, l => Assert.Empty(l.Occupations.Intersect(l.KnownAbsent, StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData(PermitCategory.Other, 2, "2026-01-01", true)]
    [InlineData(PermitCategory.Other, 1, "2026-06-01", true)]
    [InlineData(PermitCategory.Other, 3, "2026-01-01", false)]
    [InlineData(PermitCategory.Other, 2, "2025-12-31", false)] // before the exclusion is in force
    [InlineData(PermitCategory.Seasonal, 2, "2026-01-01", false)] // seasonal work stays the exception (§2.3)
    [InlineData(PermitCategory.MediumSkilledShortage, 2, "2026-01-01", false)] // its own rules say the level is wrong
    public void The_function_the_note_excludes_outright_is_other_at_a_low_skilled_level_from_2026(PermitCategory category, int vks, string date, bool excluded)
    {
        Assert.Equal(excluded, Catalog.ExcludesFunction(category, vks, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Data_every_occupation_has_Dutch_and_English_names()
    {
        Assert.All(Catalog.Data.Occupations, o =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", o.Code);
            Assert.False(string.IsNullOrWhiteSpace(o.NameNl), o.Code);
            Assert.False(string.IsNullOrWhiteSpace(o.NameEn), o.Code);
        });
        Assert.Equal("roofer", Catalog.Occupation("roofer")?.NameEn);
        Assert.Null(Catalog.Occupation("astronaut"));
    }

    public static TheoryData<string, string[]> EntriesInForce => new()
    {
        {
            "2018-12-31",
            []
        },
        {
            "2019-01-01",
            ["highly-skilled-function-level-2019", "medium-skilled-vks-3-4", "other-category-2019", "labour-market-test-vdab-6-weeks", "migration-list-2019-01", "fraud-screening-placeholder"]
        },
        {
            "2021-04-01",
            ["highly-skilled-function-level-2019", "medium-skilled-vks-3-4", "other-category-2019", "labour-market-test-vdab-6-weeks", "migration-list-2021-04", "fraud-screening-placeholder"]
        },
        {
            "2024-04-30",
            ["highly-skilled-salary-2024", "medium-skilled-salary-2024-placeholder", "highly-skilled-function-level-2019", "medium-skilled-vks-3-4", "other-category-2019", "labour-market-test-vdab-6-weeks", "migration-list-2023-09", "fraud-screening-placeholder"]
        },
        {
            "2024-05-01",
            ["highly-skilled-salary-2024", "medium-skilled-salary-2024-placeholder", "highly-skilled-function-level-2019", "medium-skilled-vks-3-4", "other-category-2019", "labour-market-test-vdab-eures-9-weeks", "migration-list-2023-09", "fraud-screening-placeholder"]
        },
        {
            "2025-12-31",
            ["highly-skilled-salary-2025", "medium-skilled-salary-2025-placeholder", "highly-skilled-function-level-2019", "medium-skilled-vks-3-4", "other-category-2019", "labour-market-test-vdab-eures-9-weeks", "migration-list-2023-09", "fraud-screening-placeholder"]
        },
        {
            "2026-01-01",
            ["highly-skilled-salary-2025", "medium-skilled-salary-2025-placeholder", "highly-skilled-function-level-2026", "medium-skilled-vks-3-4", "other-category-2026-placeholder", "labour-market-test-vdab-eures-9-weeks", "migration-list-2026-01-partial", "fraud-screening-placeholder"]
        },
    };

    [Theory]
    [MemberData(nameof(EntriesInForce))]
    public void Resolve_takes_the_latest_entry_on_or_before_the_date_and_stamps_the_ids(string date, string[] expected)
    {
        EligibilityTerms terms = Catalog.Resolve(D(date));

        Assert.Equal(D(date), terms.Date);
        Assert.Equal(expected, terms.EntryIds);
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2099-12-31")]
    public void Section_2_7_the_integration_test_entry_without_a_date_is_never_in_force(string date)
    {
        Assert.Single(Catalog.Data.MinisterIntegrationTest);
        Assert.Null(Catalog.Data.MinisterIntegrationTest[0].ValidFrom);
        Assert.Null(Catalog.Resolve(D(date)).MinisterIntegrationTest);
    }

    [Fact]
    public void A_list_naming_an_undefined_occupation_is_rejected()
    {
        EligibilityPolicyData data = Catalog.Data with
        {
            MigrationLists = [new MigrationListEntry("bad", D("2030-01-01"), 1, true, ["astronaut"], [], "test")],
        };

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => new EligibilityCatalog(data));
        Assert.Contains("'astronaut'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_occupation_defined_twice_is_rejected()
    {
        EligibilityPolicyData data = Catalog.Data with
        {
            Occupations = [.. Catalog.Data.Occupations, new OccupationEntry("roofer", "dakwerker", "roofer")],
        };

        Assert.Throws<InvalidOperationException>(() => new EligibilityCatalog(data));
    }
}
