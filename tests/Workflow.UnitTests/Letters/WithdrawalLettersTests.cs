using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Policy;
using Workflow.Tests.Shared;

namespace Workflow.UnitTests.Letters;

/// <summary>
/// The withdrawal's letters as PDFs, read back to text (§2.1): the hearing invitation cites its grounds and the
/// deadline to be heard, and is no decision (no appeal route); the withdrawal decision cites its grounds and states
/// the appeal route; both Dutch, then English.
/// </summary>
public class WithdrawalLettersTests
{
    const string ApplicationId = "wp-abcdefghijklmnopqrstuvwxyz";

    static readonly DateTimeOffset InvitedAt = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(2));

    static readonly DateTimeOffset Deadline = new(2026, 6, 16, 23, 0, 0, TimeSpan.FromHours(2));

    static readonly string[] Cited = [DecisionGrounds.FalseDocuments.Code, DecisionGrounds.EconomicHub.Code];

    static readonly AppealRouteEntry Appeal = PolicyCatalog.Embedded.AppealRouteOn(new DateOnly(2026, 7, 1))!;

    [Fact]
    public void The_hearing_invitation_cites_each_ground_with_its_section_and_the_deadline_in_both_languages()
    {
        Letter letter = WithdrawalLetters.HearingInvitation(ApplicationId, "Acme Logistics NV", "0123456749", Cited, Deadline, InvitedAt);
        string text = PdfText.Of(LetterPdf.Render(letter));

        Assert.Equal(LetterKind.HearingInvitation, letter.Kind);
        Assert.Contains("Uitnodiging om gehoord te worden over de voorgenomen intrekking van een toelating tot arbeid", text, StringComparison.Ordinal);
        Assert.Contains("Invitation to be heard on the intended withdrawal of a work authorisation", text, StringComparison.Ordinal);
        Assert.Contains("Aan: Acme Logistics NV, KBO 0123456749", text, StringComparison.Ordinal);
        Assert.Contains("Datum: 1 juni 2026", text, StringComparison.Ordinal);
        Assert.Contains("Uiterste datum voor uw reactie: 16 juni 2026", text, StringComparison.Ordinal);
        Assert.Contains("uiterlijk op 16 juni 2026", text, StringComparison.Ordinal);
        Assert.Contains("by 16 June 2026 at the latest", text, StringComparison.Ordinal);
        foreach (DecisionGround ground in Cited.Select(code => DecisionGrounds.Find(code)!))
        {
            Assert.Contains($"{ground.DescriptionNl} (§2.1, {ground.Code})", text, StringComparison.Ordinal);
            Assert.Contains($"{ground.Description} (§2.1, {ground.Code})", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Appeal.Dutch, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Beroep", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_withdrawal_decision_cites_each_ground_with_its_section_and_states_the_appeal_route_in_both_languages()
    {
        Letter letter = WithdrawalLetters.WithdrawalDecision(ApplicationId, "Acme Logistics NV", "0123456749", Cited, new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(2)), PolicyCatalog.Embedded);
        string text = PdfText.Of(LetterPdf.Render(letter));

        Assert.Equal(LetterKind.WithdrawalDecision, letter.Kind);
        Assert.Contains("Beslissing tot intrekking van een toelating tot arbeid", text, StringComparison.Ordinal);
        Assert.Contains("Beslissing: INGETROKKEN", text, StringComparison.Ordinal);
        Assert.Contains("wordt ingetrokken vanaf 1 juli 2026", text, StringComparison.Ordinal);
        Assert.Contains("Decision: WITHDRAWN", text, StringComparison.Ordinal);
        Assert.Contains("is withdrawn from 1 July 2026", text, StringComparison.Ordinal);
        foreach (DecisionGround ground in Cited.Select(code => DecisionGrounds.Find(code)!))
        {
            Assert.Contains($"{ground.DescriptionNl} (§2.1, {ground.Code})", text, StringComparison.Ordinal);
            Assert.Contains($"{ground.Description} (§2.1, {ground.Code})", text, StringComparison.Ordinal);
        }

        Assert.Contains($"Beroep {Appeal.Dutch}", text, StringComparison.Ordinal);
        Assert.Contains($"Appeal {Appeal.English}", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf(Appeal.Dutch, StringComparison.Ordinal) < text.IndexOf(Appeal.English, StringComparison.Ordinal), "Dutch first");
    }

    [Fact]
    public void A_withdrawal_letter_without_a_ground_or_with_one_the_catalogue_lacks_is_refused()
    {
        Assert.Throws<ArgumentException>(() => WithdrawalLetters.HearingInvitation(ApplicationId, "Acme Logistics NV", "0123456749", [], Deadline, InvitedAt));
        Assert.Throws<ArgumentException>(() => WithdrawalLetters.WithdrawalDecision(ApplicationId, "Acme Logistics NV", "0123456749", ["made-up"], InvitedAt, PolicyCatalog.Embedded));
    }

    [Fact]
    public void Each_kind_is_kept_under_its_own_name_in_the_dossier()
    {
        Assert.Equal("decision.pdf", LetterNames.Pdf(LetterKind.Decision));
        Assert.Equal("hearing-invitation.pdf", LetterNames.Pdf(LetterKind.HearingInvitation));
        Assert.Equal("withdrawal-decision.pdf", LetterNames.Pdf(LetterKind.WithdrawalDecision));
        Assert.Equal("decision.pdf", LetterNames.FromReference($"dossiers/{ApplicationId}/letters/decision.pdf"));
    }
}
