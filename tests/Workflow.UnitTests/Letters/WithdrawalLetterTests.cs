using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Withdrawals;
using Workflow.Tests.Shared;

namespace Workflow.UnitTests.Letters;

/// <summary>
/// The withdrawal workflow's letters as it writes them (<see cref="IssueWithdrawalLetterActivity.Compose"/>), rendered
/// to PDF and read back: each cites the ground's Dutch description and section in the Dutch letter and its English one
/// in the translation, names the withdrawal; the invitation the last day to answer, the decision the day it takes
/// effect, that the federal office is told, and the exclusion proposed.
/// </summary>
public class WithdrawalLetterTests
{
    const string WithdrawalId = "wd-0123456789abcdef01234567";
    const string AuthorisationId = "wp-abcdefghijklmnopqrstuvwxyz";

    static string Text(WithdrawalLetterRequest request) =>
        PdfText.Of(LetterPdf.Render(IssueWithdrawalLetterActivity.Compose(request, "Acme Logistics NV", "0123456749", PolicyCatalog.Embedded)));

    [Theory]
    [InlineData("economic-hub")]
    [InlineData("non-eu-workforce-only")]
    [InlineData("false-documents")]
    public void The_hearing_invitation_cites_the_ground_in_dutch_then_english_with_its_section_and_the_last_day(string code)
    {
        string text = Text(new WithdrawalLetterRequest(WithdrawalId, AuthorisationId, WithdrawalLetterKind.HearingInvitation, code, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 17), 24));
        DecisionGround ground = DecisionGrounds.Find(code)!;

        int english = text.IndexOf("Invitation to be heard", StringComparison.Ordinal);
        Assert.True(english > 0, "The English translation follows the Dutch letter.");
        Assert.Contains(ground.DescriptionNl, text[..english], StringComparison.Ordinal);
        Assert.Contains(ground.Description, text[english..], StringComparison.Ordinal);
        Assert.Contains("§2.1", text, StringComparison.Ordinal);
        Assert.Contains("uiterlijk op 17 maart 2026", text, StringComparison.Ordinal);
        Assert.Contains($"Kenmerk intrekking: {WithdrawalId}", text, StringComparison.Ordinal);
        Assert.Contains($"Withdrawal reference: {WithdrawalId}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_withdrawal_decision_cites_the_ground_the_day_it_takes_effect_the_federal_office_the_exclusion_and_the_appeal()
    {
        string text = Text(new WithdrawalLetterRequest(WithdrawalId, AuthorisationId, WithdrawalLetterKind.WithdrawalDecision, "false-documents", new DateOnly(2026, 3, 20), null, 24));

        Assert.Contains("ingetrokken vanaf 20 maart 2026", text, StringComparison.Ordinal);
        Assert.Contains(DecisionGrounds.FalseDocuments.DescriptionNl, text, StringComparison.Ordinal);
        Assert.Contains("Dienst Vreemdelingenzaken is op de hoogte gebracht", text, StringComparison.Ordinal);
        Assert.Contains("uitsluiting van de aanvraagprocedure gedurende 24 maanden (§2.1)", text, StringComparison.Ordinal);
        Assert.Contains("federal Immigration Office has been informed", text, StringComparison.Ordinal);
        Assert.Contains("for 24 months (§2.1)", text, StringComparison.Ordinal);
        Assert.Contains(PolicyCatalog.Embedded.AppealRouteOn(new DateOnly(2026, 3, 20))!.Dutch, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WithdrawalLetterKind.HearingInvitation, "Uitnodiging om gehoord te worden over de intrekking")]
    [InlineData(WithdrawalLetterKind.WithdrawalDecision, "Beslissing tot intrekking")]
    public void A_withdrawal_letter_reaches_the_e_box_under_its_own_subject(WithdrawalLetterKind kind, string subject) =>
        Assert.StartsWith(subject, EBoxLetterDelivery.Subject(IssueWithdrawalLetterActivity.LetterName(WithdrawalId, kind)), StringComparison.Ordinal);

    [Fact]
    public void An_invitation_written_in_the_afternoon_gives_the_employer_the_whole_of_its_last_day()
    {
        // Written at 15:00 in Brussels on 2 March (winter time), on a real-time clock: 15 days, until 17 March at midnight.
        var writtenAt = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        var hearing = new HearingTerm(new PolicyClock(writtenAt.AddDays(-3), PolicyClock.RealDay), 15);

        (DateOnly dated, DateOnly lastDay, DateTimeOffset deadline) = IssueWithdrawalLetterActivity.HearingDates(hearing, writtenAt);

        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 17)), (dated, lastDay));
        Assert.Equal(lastDay, PolicyCatalog.BelgianDate(deadline)); // the deadline falls on the date the letter names
        Assert.True(new DateTimeOffset(2026, 3, 17, 22, 59, 0, TimeSpan.Zero) < deadline); // 23:59 in Brussels on the last day is in time
        Assert.Equal(new DateOnly(2026, 3, 18), PolicyCatalog.BelgianDate(deadline.AddTicks(1))); // and the next instant is the next day
    }
}
