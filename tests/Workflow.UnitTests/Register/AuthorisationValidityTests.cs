using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Register;

namespace Workflow.UnitTests.Register;

/// <summary>
/// How long a granted authorisation is valid, from the policy data's authorisation terms: 3 years for the highly
/// skilled (§2.2), the labelled placeholders for the others, both ends inclusive.
/// </summary>
public class AuthorisationValidityTests
{
    static readonly PolicyCatalog Catalog = PolicyCatalog.Embedded;

    static Authorisation Grant(PermitCategory category, DateOnly on) =>
        Authorisation.Grant("WP-TEST", "0200000538", "worker:ab", category, on, Catalog);

    [Theory]
    [InlineData("2026-03-15", "2029-03-14")]
    [InlineData("2026-01-01", "2028-12-31")]
    [InlineData("2028-02-29", "2031-02-27")] // a leap day: three years on is 28 February, the day before is the last
    public void A_highly_skilled_authorisation_is_valid_for_three_years_from_the_decision_date(string decided, string lastDay)
    {
        Authorisation granted = Grant(PermitCategory.HighlySkilled, DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture), granted.ValidFrom);
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), granted.ValidUntil);
        Assert.Equal(AuthorisationState.Granted, granted.State);
        Assert.Equal("validity-highly-skilled-2025-05", granted.TermId);
    }

    [Fact]
    public void A_work_card_is_valid_for_90_days_including_the_first()
    {
        Authorisation granted = Grant(PermitCategory.WorkCard, new DateOnly(2026, 6, 1));

        Assert.Equal(new DateOnly(2026, 8, 29), granted.ValidUntil);
        Assert.Equal(90, granted.ValidUntil!.Value.DayNumber - granted.ValidFrom.DayNumber + 1);
        Assert.Equal("validity-work-card-placeholder", granted.TermId);
    }

    [Theory]
    [InlineData(PermitCategory.MediumSkilledShortage)]
    [InlineData(PermitCategory.Other)]
    [InlineData(PermitCategory.Seasonal)]
    [InlineData(PermitCategory.MinisterOfReligion)]
    [InlineData(PermitCategory.ProfessionalCard)]
    public void The_other_categories_get_the_placeholder_term_for_every_category(PermitCategory category)
    {
        Authorisation granted = Grant(category, new DateOnly(2026, 6, 1));

        Assert.Equal(new DateOnly(2027, 5, 31), granted.ValidUntil);
        Assert.Equal("validity-other-categories-placeholder", granted.TermId);
    }

    [Fact]
    public void Every_term_is_labelled_and_the_non_highly_skilled_ones_say_they_are_placeholders()
    {
        IReadOnlyList<AuthorisationTermEntry> terms = Catalog.Data.AuthorisationTerms!;

        Assert.NotEmpty(terms);
        Assert.All(terms, t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));
        Assert.All(terms.Where(t => t.Category != PermitCategory.HighlySkilled), t => Assert.StartsWith("placeholder", t.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void A_grant_before_the_highly_skilled_term_was_in_force_falls_back_to_the_general_entry()
    {
        Authorisation granted = Grant(PermitCategory.HighlySkilled, new DateOnly(2025, 4, 30));

        Assert.Equal("validity-other-categories-placeholder", granted.TermId);
    }

    [Fact]
    public void Without_a_term_in_the_policy_data_the_authorisation_has_no_end_date()
    {
        var catalog = new PolicyCatalog(Catalog.Data with { AuthorisationTerms = null });

        Authorisation granted = Authorisation.Grant("WP-TEST", "0200000538", null, PermitCategory.HighlySkilled, new DateOnly(2026, 6, 1), catalog);

        Assert.Null(granted.ValidUntil);
        Assert.Null(granted.TermId);
    }

    [Theory]
    [InlineData("2029-02-01", "2029-03-15", "2032-03-14")] // renewed before it ends: continues the day after
    [InlineData("2029-03-14", "2029-03-15", "2032-03-14")] // decided on its last day
    [InlineData("2029-04-10", "2029-04-10", "2032-04-09")] // decided after it ended: from the decision date
    public void A_renewal_continues_the_authorisation_it_renews_for_its_own_term(string decided, string from, string until)
    {
        Authorisation renewed = Grant(PermitCategory.HighlySkilled, new DateOnly(2026, 3, 15));
        Assert.Equal(new DateOnly(2029, 3, 14), renewed.ValidUntil);

        Authorisation renewal = Authorisation.Grant(
            "WP-RENEWAL", "0200000538", "worker:ab", PermitCategory.HighlySkilled, DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture), Catalog, renewed);

        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), renewal.ValidFrom);
        Assert.Equal(DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), renewal.ValidUntil);
        Assert.Equal("WP-TEST", renewal.Renews);
        Assert.Equal("validity-highly-skilled-2025-05", renewal.TermId);
        Assert.Null(Grant(PermitCategory.HighlySkilled, new DateOnly(2026, 3, 15)).Renews);
    }
}
