using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.UnitTests.Policy;

/// <summary>§2.5: the fee, its start, its yearly indexation, its exemption (work card) and equality (professional card).</summary>
public sealed class FeeTests
{
    static long? FeeCents(PolicyCatalog catalog, PermitCategory category, string submittedAt) =>
        catalog.FeeFor(category, DateTimeOffset.Parse(submittedAt, System.Globalization.CultureInfo.InvariantCulture))?.AmountCents;

    [Theory]
    [InlineData("2025-12-31T23:59:00+01:00", null)]
    [InlineData("2026-01-01T00:00:00+01:00", 20000L)]
    [InlineData("2026-12-31T23:59:00+01:00", 20000L)]
    [InlineData("2027-01-01T00:00:00+01:00", 20000L)] // no 2027 index published: the amount stays
    public void S2_5_the_single_permit_fee_starts_on_2026_01_01_and_stays_until_an_index_is_published(string submittedAt, long? expected)
    {
        Assert.Equal(expected, FeeCents(PolicyCatalog.Embedded, PermitCategory.HighlySkilled, submittedAt));
    }

    [Fact]
    public void S2_5_the_reported_180_EUR_amount_is_kept_as_data_but_not_applied()
    {
        FeeEntry reported = Assert.Single(PolicyCatalog.Embedded.Data.Fees, f => f.AmountCents == 18000);
        Assert.False(reported.Applied);
        Assert.Equal(20000L, FeeCents(PolicyCatalog.Embedded, PermitCategory.Other, "2026-09-01T12:00:00+02:00"));

        PolicyData switched = PolicyCatalog.Embedded.Data with
        {
            Fees = [.. PolicyCatalog.Embedded.Data.Fees.Select(f => f with { Applied = true })],
        };
        Assert.Equal(18000L, FeeCents(new PolicyCatalog(switched), PermitCategory.Other, "2026-09-01T12:00:00+02:00"));
        Assert.Equal(20000L, FeeCents(new PolicyCatalog(switched), PermitCategory.Other, "2026-08-31T12:00:00+02:00"));
    }

    [Fact]
    public void S2_5_a_published_index_applies_from_the_first_of_january_of_its_year_across_the_year_change()
    {
        PolicyData indexed = PolicyCatalog.Embedded.Data with
        {
            FeeIndexations = [new FeeIndexationEntry("test-2027", 2027, 1.0213m, "test"), new FeeIndexationEntry("test-2028", 2028, 1.02m, "test")],
        };
        var catalog = new PolicyCatalog(indexed);

        Assert.Equal(20000L, FeeCents(catalog, PermitCategory.HighlySkilled, "2026-12-31T23:59:00+01:00"));
        Assert.Equal(20426L, FeeCents(catalog, PermitCategory.HighlySkilled, "2027-01-01T00:00:00+01:00")); // 200 × 1.0213
        Assert.Equal(20835L, FeeCents(catalog, PermitCategory.HighlySkilled, "2028-01-01T00:00:00+01:00")); // 200 × 1.0213 × 1.02 = 208.345 → 208.35

        PermitTerms terms = catalog.Resolve(PermitCategory.Other, DateTimeOffset.Parse("2027-06-01T12:00:00+02:00", System.Globalization.CultureInfo.InvariantCulture), inPeakPeriod: false);
        Assert.Contains("test-2027", terms.PolicyEntries);
        Assert.DoesNotContain("test-2028", terms.PolicyEntries);
    }

    [Theory]
    [InlineData(PermitCategory.WorkCard, null)]
    [InlineData(PermitCategory.ProfessionalCard, 20000L)]
    [InlineData(PermitCategory.Seasonal, 20000L)]
    [InlineData(PermitCategory.MinisterOfReligion, 20000L)]
    public void S2_5_the_work_card_is_exempt_and_the_professional_card_pays_the_single_permit_fee(PermitCategory category, long? expected)
    {
        Assert.Equal(expected, FeeCents(PolicyCatalog.Embedded, category, "2026-06-01T12:00:00+02:00"));
    }
}
