using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.UnitTests.Support;

namespace Workflow.UnitTests.Letters;

/// <summary>The decision letter (§2.8, §2.1): a grant informs of rights and the info desk; a refusal names its grounds.</summary>
public class DecisionLetterTests
{
    static readonly LetterSettings Settings = new(new Uri("https://yourfuture.example.test/flanders"));

    static readonly DateTimeOffset DecidedAt = new(2026, 3, 20, 15, 0, 0, TimeSpan.FromHours(1));

    static string[] Lines(string letter) => letter.Split('\n', StringSplitOptions.TrimEntries);

    [Fact]
    public void A_grant_contains_the_info_desk_line_with_the_configured_url_and_the_rights_and_duties()
    {
        string letter = DecisionLetter.Compose(Samples.Dossier(), Outcome.Granted, [], DecidedAt, Settings);

        string infoDesk = Assert.Single(Lines(letter), l => l.Contains("Your Future in Flanders", StringComparison.Ordinal));
        Assert.Contains("https://yourfuture.example.test/flanders", infoDesk, StringComparison.Ordinal);
        Assert.Contains("Your rights and duties", letter, StringComparison.Ordinal);
        Assert.Contains("may not keep your", letter, StringComparison.Ordinal);
        Assert.Contains("Decision: GRANTED", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Grounds:", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_uses_the_url_from_the_settings_not_a_fixed_one()
    {
        string letter = DecisionLetter.Compose(Samples.Dossier(), Outcome.Granted, [], DecidedAt, new LetterSettings(new Uri("https://other.example.test/desk")));

        Assert.Contains("https://other.example.test/desk", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("yourfuture.example.test", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_lists_each_ground_with_its_description_and_section_and_has_no_info_desk_line()
    {
        string letter = DecisionLetter.Compose(
            Samples.Dossier(),
            Outcome.Refused,
            [DecisionGrounds.EconomicHub.Code, DecisionGrounds.FalseDocuments.Code, DecisionGrounds.ConditionsNotMet.Code],
            DecidedAt,
            Settings);

        Assert.Contains("Decision: REFUSED", letter, StringComparison.Ordinal);
        string[] lines = Lines(letter);
        foreach (DecisionGround ground in new[] { DecisionGrounds.EconomicHub, DecisionGrounds.FalseDocuments, DecisionGrounds.ConditionsNotMet })
        {
            string line = Assert.Single(lines, l => l.Contains(ground.Description, StringComparison.Ordinal));
            Assert.Contains(ground.Section, line, StringComparison.Ordinal);
        }

        Assert.Contains("(§2.1, economic-hub)", letter, StringComparison.Ordinal);
        Assert.Contains("(§2.2, §2.3, §2.7, category-conditions-not-met)", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Your Future in Flanders", letter, StringComparison.Ordinal);
        Assert.DoesNotContain(Settings.InfoDeskUrl.ToString(), letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Your rights and duties", letter, StringComparison.Ordinal);
        Assert.Contains("appeal", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_for_residence_refused_cites_section_2_4()
    {
        string letter = DecisionLetter.Compose(Samples.Dossier(), Outcome.Refused, [DecisionGrounds.ResidenceRefused.Code], DecidedAt, Settings);

        Assert.Contains($"{DecisionGrounds.ResidenceRefused.Description} (§2.4, residence-refused)", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void Inadmissible_says_inadmissible_with_its_ground_and_no_info_desk_line()
    {
        string letter = DecisionLetter.Compose(Samples.Dossier(), Outcome.Inadmissible, [DecisionGrounds.Incomplete.Code], DecidedAt, Settings);

        Assert.Contains("Decision: INADMISSIBLE", letter, StringComparison.Ordinal);
        Assert.Contains($"{DecisionGrounds.Incomplete.Description} (§2.9, incomplete-application)", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("GRANTED", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Your Future in Flanders", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letter_identifies_the_application_the_parties_and_the_decision_date()
    {
        string letter = DecisionLetter.Compose(Samples.Dossier(), Outcome.Granted, [], DecidedAt, Settings);

        Assert.Contains("Application: wp-abcdefghijklmnopqrstuvwxyz", letter, StringComparison.Ordinal);
        Assert.Contains("Employer: Acme Logistics NV (KBO 0123456749)", letter, StringComparison.Ordinal);
        Assert.Contains("Worker: Asha Rao", letter, StringComparison.Ordinal);
        Assert.Contains("Date of decision: 2026-03-20", letter, StringComparison.Ordinal);
        Assert.Contains("Category: other (single permit)", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_professional_card_letter_has_no_employer_line()
    {
        string letter = DecisionLetter.Compose(Samples.Dossier(PermitCategory.ProfessionalCard), Outcome.Granted, [], DecidedAt, Settings);

        Assert.DoesNotContain("Employer:", letter, StringComparison.Ordinal);
        Assert.Contains("Category: professional card (self-employed)", letter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("director-excluded", "A director of the employer is excluded from the application procedure after earlier violations. (§2.1, director-excluded)")]
    [InlineData("employer-excluded", "The employer is excluded from the application procedure after earlier violations. (§2.1, employer-excluded)")]
    [InlineData("function-excluded", "excluded from the category 'other'; only seasonal work is an exception. (§2.3, function-excluded)")]
    public void An_inadmissibility_letter_names_the_ground_as_the_note_does(string ground, string line)
    {
        string letter = DecisionLetter.Compose(Samples.Dossier(PermitCategory.Other), Outcome.Inadmissible, [ground], DecidedAt, Settings);

        Assert.Contains("Decision: INADMISSIBLE", letter, StringComparison.Ordinal);
        Assert.Contains(line, letter, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_grounds_have_unique_codes_and_cite_a_section_of_the_note()
    {
        Assert.Equal(7, DecisionGrounds.CaseworkerGrounds.Count);
        Assert.Equal(DecisionGrounds.All.Count, DecisionGrounds.All.Select(g => g.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(DecisionGrounds.All, g => Assert.StartsWith("§2.", g.Section, StringComparison.Ordinal));
        Assert.Same(DecisionGrounds.EmployerExcluded, DecisionGrounds.Find("employer-excluded"));
        Assert.Same(DecisionGrounds.DirectorExcluded, DecisionGrounds.Find("director-excluded"));
        Assert.Equal("§2.3", DecisionGrounds.Find("function-excluded")!.Section);
        Assert.Null(DecisionGrounds.Find("made-up"));
    }
}
