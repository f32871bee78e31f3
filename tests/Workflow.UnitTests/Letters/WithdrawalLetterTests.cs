using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Register;
using Workflow.UnitTests.Support;

namespace Workflow.UnitTests.Letters;

/// <summary>
/// The withdrawal letters (§2.1): Dutch first, then the English translation; each cites the ground with its section and
/// its Dutch description (in the Dutch part) and its English one (in the translation); the invitation names the last day
/// to answer, the decision the day it takes effect and the exclusion proposed.
/// </summary>
public class WithdrawalLetterTests
{
    const string WithdrawalId = "wd-0123456789abcdef01234567";

    static readonly Authorisation Granted = new(
        "wp-abcdefghijklmnopqrstuvwxyz", Samples.Kbo, null, PermitCategory.HighlySkilled, new DateOnly(2026, 1, 5), new DateOnly(2029, 1, 4), AuthorisationState.Granted, "t");

    static (string Dutch, string English) Parts(string letter)
    {
        int divider = letter.IndexOf("--- English translation ---", StringComparison.Ordinal);
        Assert.True(divider > 0, "The letter has no English translation after the Dutch text.");
        return (letter[..divider], letter[divider..]);
    }

    [Theory]
    [InlineData("economic-hub", "De werkgever treedt op als economische draaischijf voor de instroom van werknemers van buiten de EU.")]
    [InlineData("non-eu-workforce-only", "De werkgever werkt bijna uitsluitend met werknemers van buiten de EU en gaat voorbij aan de beschikbare arbeidsreserve.")]
    [InlineData("false-documents", "De werknemer gebruikt valse of onrechtmatig verkregen documenten.")]
    public void The_hearing_invitation_cites_the_ground_in_dutch_then_english_with_its_section_and_the_last_day(string code, string dutch)
    {
        string letter = HearingInvitationLetter.Compose(Samples.Dossier(PermitCategory.HighlySkilled), Granted, WithdrawalId, code, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 17), 24);
        (string nl, string en) = Parts(letter);
        DecisionGround ground = DecisionGrounds.Find(code)!;

        Assert.StartsWith("Vlaamse overheid", letter, StringComparison.Ordinal);
        Assert.Contains($"- {dutch} (§2.1, {code})", nl, StringComparison.Ordinal);
        Assert.Contains($"- {ground.Description} (§2.1, {code})", en, StringComparison.Ordinal);
        Assert.DoesNotContain(ground.Description, nl, StringComparison.Ordinal);
        Assert.Contains("uiterlijk op 2026-03-17", nl, StringComparison.Ordinal);
        Assert.Contains("by 2026-03-17 at the latest", en, StringComparison.Ordinal);
        Assert.Contains($"Kenmerk: {WithdrawalId}", nl, StringComparison.Ordinal);
        Assert.Contains("geldig van 2026-01-05 tot en met 2029-01-04", nl, StringComparison.Ordinal);
        Assert.Contains("Werkgever: Acme Logistics NV (KBO 0123456749)", nl, StringComparison.Ordinal);
        Assert.Contains("Worker: Asha Rao", en, StringComparison.Ordinal);
        Assert.Contains("24 maanden", nl, StringComparison.Ordinal);
    }

    [Fact]
    public void The_withdrawal_decision_cites_the_ground_the_day_it_takes_effect_the_exclusion_and_the_appeal_in_both_languages()
    {
        string letter = WithdrawalDecisionLetter.Compose(Samples.Dossier(PermitCategory.HighlySkilled), Granted, WithdrawalId, "false-documents", new DateOnly(2026, 3, 20), 24);
        (string nl, string en) = Parts(letter);

        Assert.Contains("BESLISSING - intrekking van een toelating tot arbeid", nl, StringComparison.Ordinal);
        Assert.Contains("ingetrokken vanaf 2026-03-20", nl, StringComparison.Ordinal);
        Assert.Contains("- De werknemer gebruikt valse of onrechtmatig verkregen documenten. (§2.1, false-documents)", nl, StringComparison.Ordinal);
        Assert.Contains("Dienst Vreemdelingenzaken", nl, StringComparison.Ordinal);
        Assert.Contains("bestuurders worden voorgesteld voor uitsluiting van de aanvraagprocedure gedurende 24 maanden (§2.1)", nl, StringComparison.Ordinal);
        Assert.Contains("beroep", nl, StringComparison.Ordinal);
        Assert.Contains("withdrawn from 2026-03-20", en, StringComparison.Ordinal);
        Assert.Contains("- The worker uses false or unlawfully obtained documents. (§2.1, false-documents)", en, StringComparison.Ordinal);
        Assert.Contains("federal immigration office has been informed", en, StringComparison.Ordinal);
        Assert.Contains("appeal", en, StringComparison.Ordinal);
    }
}
