using System.Globalization;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.UnitTests.Policy;

/// <summary>
/// The dated policy data (Policy/Data/permit-policy.json), chosen by the Brussels date of submission: every switch date
/// is checked on the day before and the day itself, including instants whose UTC date differs from the Brussels date.
/// </summary>
public class PolicyCatalogTests
{
    static readonly PolicyCatalog Catalog = PolicyCatalog.Embedded;

    static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    static PermitTerms Resolve(PermitCategory category, string instant, bool peak = false) => Catalog.Resolve(category, At(instant), peak);

    public static TheoryData<PermitCategory> SinglePermitCategories =>
    [
        PermitCategory.HighlySkilled,
        PermitCategory.MediumSkilledShortage,
        PermitCategory.Other,
        PermitCategory.Seasonal,
        PermitCategory.MinisterOfReligion,
    ];

    public static TheoryData<PermitCategory> StandardTrackCategories =>
    [
        PermitCategory.MediumSkilledShortage,
        PermitCategory.Other,
        PermitCategory.Seasonal,
        PermitCategory.MinisterOfReligion,
        PermitCategory.WorkCard,
        PermitCategory.ProfessionalCard,
    ];

    [Theory]
    [InlineData("2025-12-31T23:30:00Z", "2026-01-01")] // 00:30 in Brussels (winter time, UTC+1)
    [InlineData("2026-01-01T00:30:00+01:00", "2026-01-01")]
    [InlineData("2025-12-31T22:59:59Z", "2025-12-31")]
    [InlineData("2025-04-30T22:30:00Z", "2025-05-01")] // 00:30 in Brussels (summer time, UTC+2)
    [InlineData("2025-04-30T21:59:59Z", "2025-04-30")]
    [InlineData("2026-05-20T22:00:00Z", "2026-05-21")]
    public void Belgian_date_is_the_calendar_date_in_Brussels(string instant, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), PolicyCatalog.BelgianDate(At(instant)));
    }

    [Theory]
    [InlineData("2025-04-30T12:00:00+02:00")]
    [InlineData("2025-04-30T23:59:59+02:00")]
    [InlineData("2025-04-30T21:59:59Z")]
    public void Highly_skilled_submitted_before_2025_05_01_in_Brussels_is_untracked(string instant)
    {
        SlaTerms sla = Resolve(PermitCategory.HighlySkilled, instant).Sla;

        Assert.Equal(SlaTrack.Untracked, sla.Track); // the fast lane did not exist yet: never shown as "fast-lane"
        Assert.Null(sla.DueDays);
        Assert.Empty(sla.Milestones);
    }

    [Theory]
    [InlineData("2025-05-01T00:00:00+02:00")]
    [InlineData("2025-04-30T22:30:00Z")] // already 1 May in Brussels
    [InlineData("2025-05-01T12:00:00+02:00")]
    [InlineData("2026-06-01T12:00:00+02:00")]
    public void Highly_skilled_submitted_from_2025_05_01_in_Brussels_gets_the_15_day_fast_lane(string instant)
    {
        PermitTerms terms = Resolve(PermitCategory.HighlySkilled, instant);

        Assert.Equal(SlaTrack.FastLane, terms.Sla.Track);
        Assert.Equal(15, terms.Sla.DueDays);
        Assert.False(terms.Sla.InPeakPeriod);
        Assert.True(terms.Sla.PausesWhileWaitingOnApplicant);
        Assert.Contains("fast-lane-2025-05", terms.PolicyEntries);
        Assert.Equal(4, terms.Sla.Milestones.Count);
    }

    [Theory]
    [MemberData(nameof(StandardTrackCategories))]
    public void Standard_categories_submitted_on_2025_12_31_in_Brussels_are_untracked(PermitCategory category)
    {
        SlaTerms sla = Resolve(category, "2025-12-31T23:59:59+01:00").Sla;

        Assert.Equal(SlaTrack.Untracked, sla.Track);
        Assert.Null(sla.DueDays);
    }

    [Theory]
    [MemberData(nameof(StandardTrackCategories))]
    public void Standard_categories_submitted_on_2026_01_01_in_Brussels_get_30_days(PermitCategory category)
    {
        // 2025-12-31T23:30Z is 2026-01-01T00:30 in Brussels.
        SlaTerms sla = Resolve(category, "2025-12-31T23:30:00Z").Sla;

        Assert.Equal(SlaTrack.Standard, sla.Track);
        Assert.Equal(30, sla.DueDays);
        Assert.False(sla.InPeakPeriod);
    }

    [Fact]
    public void Standard_track_in_a_peak_period_gets_45_days()
    {
        SlaTerms sla = Resolve(PermitCategory.Other, "2026-01-01T00:30:00+01:00", peak: true).Sla;

        Assert.Equal(45, sla.DueDays);
        Assert.True(sla.InPeakPeriod);
    }

    [Fact]
    public void A_peak_period_before_the_standard_track_is_in_force_changes_nothing()
    {
        SlaTerms sla = Resolve(PermitCategory.Other, "2025-12-31T12:00:00+01:00", peak: true).Sla;

        Assert.Null(sla.DueDays);
        Assert.False(sla.InPeakPeriod);
    }

    [Theory]
    [InlineData("2025-06-01T12:00:00+02:00")]
    [InlineData("2026-02-01T12:00:00+01:00")]
    public void Fast_lane_ignores_peak_periods(string instant)
    {
        SlaTerms sla = Resolve(PermitCategory.HighlySkilled, instant, peak: true).Sla;

        Assert.Equal(15, sla.DueDays);
        Assert.False(sla.InPeakPeriod);
    }

    [Theory]
    [MemberData(nameof(SinglePermitCategories))]
    public void No_fee_on_2025_12_31_in_Brussels(PermitCategory category)
    {
        Assert.Null(Resolve(category, "2025-12-31T23:59:59+01:00").Admissibility.Fee);
        Assert.Null(Catalog.FeeFor(category, At("2025-12-31T22:59:59Z")));
    }

    [Theory]
    [MemberData(nameof(SinglePermitCategories))]
    public void Single_permit_fee_is_200_EUR_from_2026_01_01_in_Brussels(PermitCategory category)
    {
        Assert.Equal(new FeeTerms(20_000, "EUR"), Resolve(category, "2025-12-31T23:30:00Z").Admissibility.Fee);
        Assert.Equal(new FeeTerms(20_000, "EUR"), Catalog.FeeFor(category, At("2027-06-01T12:00:00+02:00")));
    }

    [Theory]
    [InlineData("2025-12-31T12:00:00+01:00")]
    [InlineData("2026-01-01T00:30:00+01:00")]
    [InlineData("2027-06-01T12:00:00+02:00")]
    public void Work_card_never_pays_a_fee(string instant)
    {
        Assert.Null(Catalog.FeeFor(PermitCategory.WorkCard, At(instant)));
    }

    [Theory]
    [InlineData(PermitCategory.WorkCard, "2025-12-31T12:00:00+01:00", NoFeeReason.NoneInForce)] // before the fee, the exemption is not the reason
    [InlineData(PermitCategory.WorkCard, "2026-01-01T00:30:00+01:00", NoFeeReason.ExemptCategory)]
    [InlineData(PermitCategory.Other, "2025-12-31T12:00:00+01:00", NoFeeReason.NoneInForce)]
    public void When_no_fee_is_due_the_terms_say_why(PermitCategory category, string instant, NoFeeReason reason)
    {
        AdmissibilityTerms admissibility = Resolve(category, instant).Admissibility;

        Assert.Null(admissibility.Fee);
        Assert.Equal(reason, admissibility.NoFee);
    }

    [Fact]
    public void A_due_fee_has_no_reason_for_none_and_an_excluded_function_waives_it()
    {
        PermitTerms terms = Resolve(PermitCategory.Other, "2026-03-02T12:00:00+01:00");
        Assert.Null(terms.Admissibility.NoFee);

        PermitTerms excluded = terms.ForExcludedFunction();
        Assert.Equal((null, NoFeeReason.FunctionExcluded), (excluded.Admissibility.Fee, excluded.Admissibility.NoFee));
        Assert.Equal(terms.Sla, excluded.Sla); // only the fee changes
    }

    [Fact]
    public void Professional_card_pays_the_same_200_EUR_fee_from_2026_01_01()
    {
        Assert.Null(Catalog.FeeFor(PermitCategory.ProfessionalCard, At("2025-12-31T12:00:00+01:00")));
        Assert.Equal(new FeeTerms(20_000, "EUR"), Catalog.FeeFor(PermitCategory.ProfessionalCard, At("2026-01-01T00:30:00+01:00")));
    }

    [Theory]
    [InlineData("2026-05-20T12:00:00+02:00")]
    [InlineData("2026-05-20T23:59:59+02:00")]
    [InlineData("2026-05-20T21:59:59Z")]
    public void Overall_deadline_up_to_2026_05_20_in_Brussels_is_4_months_under_Belgian_law(string instant)
    {
        OverallDeadlineTerms? overall = Resolve(PermitCategory.Other, instant).OverallDeadline;

        Assert.NotNull(overall);
        Assert.Equal("belgian-law-4-months", overall.Id);
        Assert.Equal(4, overall.Months);
        Assert.Null(overall.Days);
        Assert.Equal(14, overall.WarnDaysBefore);
    }

    [Theory]
    [InlineData("2026-05-21T00:00:00+02:00")]
    [InlineData("2026-05-20T22:30:00Z")] // already 21 May in Brussels
    [InlineData("2026-09-01T12:00:00+02:00")]
    public void Overall_deadline_from_2026_05_21_in_Brussels_is_90_days_under_directive_2024_1233(string instant)
    {
        OverallDeadlineTerms? overall = Resolve(PermitCategory.HighlySkilled, instant).OverallDeadline;

        Assert.NotNull(overall);
        Assert.Equal("directive-2024-1233", overall.Id);
        Assert.Null(overall.Months);
        Assert.Equal(90, overall.Days);
    }

    [Fact]
    public void Overall_deadline_terms_count_calendar_months_or_days()
    {
        var complete = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 7, 10, 9, 0, 0, TimeSpan.Zero), new OverallDeadlineTerms("m", 4, null, 14).DeadlineFrom(complete));
        Assert.Equal(new DateTimeOffset(2026, 6, 8, 9, 0, 0, TimeSpan.Zero), new OverallDeadlineTerms("d", null, 90, 14).DeadlineFrom(complete));
    }

    [Theory]
    [InlineData(PermitCategory.WorkCard)]
    [InlineData(PermitCategory.ProfessionalCard)]
    public void Work_card_and_professional_card_have_no_federal_terms_and_no_overall_deadline(PermitCategory category)
    {
        PermitTerms terms = Resolve(category, "2026-06-01T12:00:00+02:00");

        Assert.Null(terms.Federal);
        Assert.Null(terms.OverallDeadline);
        Assert.DoesNotContain(terms.PolicyEntries, id => id.StartsWith("federal", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SinglePermitCategories))]
    public void Single_permit_categories_have_federal_terms_of_30_and_45_days(PermitCategory category)
    {
        PermitTerms terms = Resolve(category, "2026-06-01T12:00:00+02:00");

        Assert.Equal(new FederalLegTerms(30, 45), terms.Federal);
        Assert.NotNull(terms.OverallDeadline);
    }

    [Theory]
    [InlineData(PermitCategory.HighlySkilled, new[] { "passport", "employment-contract", "worker-information-statement", "diploma" })]
    [InlineData(PermitCategory.MediumSkilledShortage, new[] { "passport", "employment-contract", "worker-information-statement", "qualification-proof" })]
    [InlineData(PermitCategory.Other, new[] { "passport", "employment-contract", "worker-information-statement", "vacancy-evidence", "search-dossier" })]
    [InlineData(PermitCategory.Seasonal, new[] { "passport", "employment-contract", "worker-information-statement", "vacancy-evidence", "search-dossier" })]
    [InlineData(PermitCategory.MinisterOfReligion, new[] { "passport", "employment-contract", "worker-information-statement", "minister-shortage-proof" })]
    [InlineData(PermitCategory.WorkCard, new[] { "passport", "employment-contract", "worker-information-statement" })]
    [InlineData(PermitCategory.ProfessionalCard, new[] { "passport", "business-plan" })]
    public void Required_documents_per_category_come_from_the_data(PermitCategory category, string[] expected)
    {
        AdmissibilityTerms admissibility = Resolve(category, "2026-03-02T10:00:00+01:00").Admissibility;

        Assert.Equal(expected, admissibility.RequiredDocuments);
        Assert.Equal(15, admissibility.CompletionDeadlineDays);
    }

    [Fact]
    public void The_entries_used_are_stamped_into_the_terms()
    {
        Assert.Equal(
            ["standard-2026-01", "admissibility-2021-05", "fee-2026-01", "federal-2026-01", "directive-2024-1233", "case-limits-2019-01"],
            Resolve(PermitCategory.Other, "2026-06-01T12:00:00+02:00").PolicyEntries);
        Assert.Equal(
            ["admissibility-2021-05", "federal-2026-01", "belgian-law-4-months", "case-limits-2019-01"],
            Resolve(PermitCategory.Other, "2025-12-31T12:00:00+01:00").PolicyEntries);
        Assert.Equal(
            ["standard-2026-01", "admissibility-2021-05", "case-limits-2019-01"],
            Resolve(PermitCategory.WorkCard, "2026-06-01T12:00:00+02:00").PolicyEntries); // exempt: no fee entry applied
    }

    [Fact]
    public void No_admissibility_policy_before_2021_05_01_is_an_error()
    {
        Assert.Throws<InvalidOperationException>(() => Resolve(PermitCategory.Other, "2021-04-30T12:00:00+02:00"));
    }
}
