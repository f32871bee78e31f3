using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Policy;
using Workflow.Tests.Shared;
using Workflow.UnitTests.Support;

namespace Workflow.UnitTests.Letters;

/// <summary>
/// The decision letter as a PDF, read back to text (§2.8, §2.1): Dutch first, then the English translation; a grant
/// informs of rights and the info desk, a refusal or inadmissibility cites each ground with its section in both
/// languages, every decision but a withdrawal states the appeal route of the policy data.
/// </summary>
public class DecisionLetterTests
{
    static readonly LetterSettings Settings = new(new Uri("https://yourfuture.example.test/flanders"));

    static readonly DateTimeOffset DecidedAt = new(2026, 3, 20, 15, 0, 0, TimeSpan.FromHours(1));

    static readonly AppealRouteEntry Appeal = PolicyCatalog.Embedded.AppealRouteOn(new DateOnly(2026, 3, 20))!;

    static Letter Compose(Outcome outcome, string[] grounds, PermitCategory category = PermitCategory.Other, LetterSettings? settings = null) =>
        DecisionLetter.Compose(Samples.Dossier(category), outcome, grounds, DecidedAt, settings ?? Settings, PolicyCatalog.Embedded);

    /// <summary>The Dutch letter's text and the English translation's (which starts on a page of its own).</summary>
    static (string Dutch, string English) Render(Letter letter)
    {
        IReadOnlyList<string> pages = PdfText.Pages(LetterPdf.Render(letter));
        int english = pages.ToList().FindIndex(p => p.Contains(letter.English.Title, StringComparison.Ordinal));
        Assert.True(english > 0, "the English translation follows the Dutch letter on a page of its own");
        return (string.Join(" ", pages.Take(english)), string.Join(" ", pages.Skip(english)));
    }

    [Fact]
    public void A_grant_is_a_pdf_in_Dutch_then_English_with_the_rights_the_info_desk_and_the_appeal_route()
    {
        byte[] pdf = LetterPdf.Render(Compose(Outcome.Granted, []));
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);

        (string dutch, string english) = Render(Compose(Outcome.Granted, []));
        Assert.Contains("Beslissing over een aanvraag van een toelating tot arbeid", dutch, StringComparison.Ordinal);
        Assert.Contains("Beslissing: TOEGEKEND", dutch, StringComparison.Ordinal);
        Assert.Contains("De toelating tot arbeid wordt verleend.", dutch, StringComparison.Ordinal);
        Assert.Contains("Uw rechten en plichten.", dutch, StringComparison.Ordinal);
        Assert.Contains("Informatie en melden: infopunt Your Future in Flanders, https://yourfuture.example.test/flanders", dutch, StringComparison.Ordinal);
        Assert.Contains(Appeal.Dutch, dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("GRANTED", dutch, StringComparison.Ordinal);

        Assert.Contains("Decision: GRANTED", english, StringComparison.Ordinal);
        Assert.Contains("Your rights and duties.", english, StringComparison.Ordinal);
        Assert.Contains("may not keep your identity documents", english, StringComparison.Ordinal);
        Assert.Contains("Information and reporting: Your Future in Flanders info desk, https://yourfuture.example.test/flanders", english, StringComparison.Ordinal);
        Assert.Contains(Appeal.English, english, StringComparison.Ordinal);
        Assert.DoesNotContain("Gronden", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Grounds", english, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_uses_the_url_from_the_settings_not_a_fixed_one()
    {
        string text = PdfText.Of(LetterPdf.Render(Compose(Outcome.Granted, [], settings: new LetterSettings(new Uri("https://other.example.test/desk")))));

        Assert.Contains("https://other.example.test/desk", text, StringComparison.Ordinal);
        Assert.DoesNotContain("yourfuture.example.test", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_cites_each_ground_with_its_Dutch_description_and_section_then_its_English_one_and_the_appeal_route()
    {
        DecisionGround[] cited = [DecisionGrounds.EconomicHub, DecisionGrounds.FalseDocuments, DecisionGrounds.ConditionsNotMet];
        (string dutch, string english) = Render(Compose(Outcome.Refused, [.. cited.Select(g => g.Code)]));

        Assert.Contains("Beslissing: GEWEIGERD", dutch, StringComparison.Ordinal);
        Assert.Contains("De aanvraag wordt geweigerd om de volgende redenen. Gronden", dutch, StringComparison.Ordinal);
        Assert.Contains("Decision: REFUSED", english, StringComparison.Ordinal);
        foreach (DecisionGround ground in cited)
        {
            Assert.Contains($"{ground.DescriptionNl} ({ground.Section}, {ground.Code})", dutch, StringComparison.Ordinal);
            Assert.Contains($"{ground.Description} ({ground.Section}, {ground.Code})", english, StringComparison.Ordinal);
        }

        Assert.Contains("(§2.2, §2.3, §2.7, category-conditions-not-met)", dutch, StringComparison.Ordinal);
        Assert.Contains($"Beroep {Appeal.Dutch}", dutch, StringComparison.Ordinal);
        Assert.Contains($"Appeal {Appeal.English}", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Your Future in Flanders", dutch + english, StringComparison.Ordinal);
        Assert.DoesNotContain("rights and duties", english, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_for_residence_refused_cites_section_2_4()
    {
        (string dutch, string english) = Render(Compose(Outcome.Refused, [DecisionGrounds.ResidenceRefused.Code]));

        Assert.Contains($"{DecisionGrounds.ResidenceRefused.DescriptionNl} (§2.4, residence-refused)", dutch, StringComparison.Ordinal);
        Assert.Contains($"{DecisionGrounds.ResidenceRefused.Description} (§2.4, residence-refused)", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("director-excluded")]
    [InlineData("employer-excluded")]
    [InlineData("function-excluded")]
    [InlineData("incomplete-application")]
    [InlineData("fee-unpaid")]
    public void An_inadmissibility_letter_names_the_ground_as_the_note_does(string code)
    {
        DecisionGround ground = DecisionGrounds.Find(code)!;
        (string dutch, string english) = Render(Compose(Outcome.Inadmissible, [code]));

        Assert.Contains("Beslissing: ONONTVANKELIJK", dutch, StringComparison.Ordinal);
        Assert.Contains("Decision: INADMISSIBLE", english, StringComparison.Ordinal);
        Assert.Contains($"{ground.DescriptionNl} ({ground.Section}, {code})", dutch, StringComparison.Ordinal);
        Assert.Contains($"{ground.Description} ({ground.Section}, {code})", english, StringComparison.Ordinal);
        Assert.DoesNotContain("GRANTED", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Your Future in Flanders", dutch + english, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withdrawal_at_the_applicants_request_ends_the_procedure_and_states_no_appeal()
    {
        (string dutch, string english) = Render(Compose(Outcome.Withdrawn, []));

        Assert.Contains("Beslissing: INGETROKKEN op verzoek van de aanvrager", dutch, StringComparison.Ordinal);
        Assert.Contains("de procedure eindigt hier", dutch, StringComparison.Ordinal);
        Assert.Contains("Decision: WITHDRAWN at the applicant's request", english, StringComparison.Ordinal);
        Assert.DoesNotContain(Appeal.Dutch, dutch, StringComparison.Ordinal);
        Assert.DoesNotContain(Appeal.English, english, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letter_identifies_the_application_the_parties_and_the_decision_date_in_both_languages()
    {
        (string dutch, string english) = Render(Compose(Outcome.Granted, []));

        Assert.Contains("Aan: Acme Logistics NV, KBO 0123456749", dutch, StringComparison.Ordinal);
        Assert.Contains("Ons kenmerk: wp-abcdefghijklmnopqrstuvwxyz", dutch, StringComparison.Ordinal);
        Assert.Contains("Datum: 20 maart 2026", dutch, StringComparison.Ordinal);
        Assert.Contains("Werkgever: Acme Logistics NV (KBO 0123456749)", dutch, StringComparison.Ordinal);
        Assert.Contains("Werknemer: Asha Rao", dutch, StringComparison.Ordinal);
        Assert.Contains("Categorie: andere (gecombineerde vergunning)", dutch, StringComparison.Ordinal);
        Assert.Contains("Application: wp-abcdefghijklmnopqrstuvwxyz", english, StringComparison.Ordinal);
        Assert.Contains("Employer: Acme Logistics NV (KBO 0123456749)", english, StringComparison.Ordinal);
        Assert.Contains("Worker: Asha Rao", english, StringComparison.Ordinal);
        Assert.Contains("Date of decision: 20 March 2026", english, StringComparison.Ordinal);
        Assert.Contains("Category: other (single permit)", english, StringComparison.Ordinal);
    }

    [Fact]
    public void A_professional_card_letter_is_addressed_to_the_self_employed_worker_and_has_no_employer_line()
    {
        (string dutch, string english) = Render(Compose(Outcome.Granted, [], PermitCategory.ProfessionalCard));

        Assert.Contains("Aan: Asha Rao", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Werkgever:", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Employer:", english, StringComparison.Ordinal);
        Assert.Contains("Category: professional card (self-employed)", english, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ground_the_catalogue_lacks_is_refused_rather_than_cited_without_its_section()
    {
        Assert.Throws<ArgumentException>(() => Compose(Outcome.Refused, ["made-up"]));
    }

    [Fact]
    public void Decision_grounds_have_unique_codes_cite_a_section_of_the_note_and_have_a_Dutch_description()
    {
        Assert.Equal(7, DecisionGrounds.CaseworkerGrounds.Count);
        Assert.Equal(DecisionGrounds.All.Count, DecisionGrounds.All.Select(g => g.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(DecisionGrounds.All, g => Assert.StartsWith("§2.", g.Section, StringComparison.Ordinal));
        Assert.All(DecisionGrounds.All, g => Assert.False(string.IsNullOrWhiteSpace(g.DescriptionNl)));
        Assert.All(DecisionGrounds.All, g => Assert.NotEqual(g.Description, g.DescriptionNl));
        Assert.Same(DecisionGrounds.EmployerExcluded, DecisionGrounds.Find("employer-excluded"));
        Assert.Same(DecisionGrounds.DirectorExcluded, DecisionGrounds.Find("director-excluded"));
        Assert.Equal("§2.3", DecisionGrounds.Find("function-excluded")!.Section);
        Assert.Null(DecisionGrounds.Find("made-up"));
    }

    [Fact]
    public void The_appeal_route_is_a_labelled_placeholder_in_the_policy_data()
    {
        Assert.StartsWith("placeholder", Appeal.Source, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Appeal.Dutch));
        Assert.False(string.IsNullOrWhiteSpace(Appeal.English));
    }
}
