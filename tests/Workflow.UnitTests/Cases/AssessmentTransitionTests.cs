using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Rules;

namespace Workflow.UnitTests.Cases;

/// <summary>The case model's assessment and combined decision (§2.4): both sides approve, or one refuses.</summary>
public sealed class AssessmentTransitionTests
{
    [Fact]
    public void The_assessment_opens_the_caseworkers_decision_with_the_signals_in_the_timeline_details()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        harness.Receive(harness.FeePaid());
        harness.Gathered();
        harness.Checked();
        Transition assessed = harness.Assessed(SignalKind.EconomicHub);

        Assert.Equal(Stage.AwaitingDecision, harness.State.Stage);
        Assert.True(harness.State.AwaitsCaseworker);
        Assert.Equal(["caseworker-decision", "federal-decision"], harness.State.Awaiting);
        Assert.Equal("economic-hub", assessed.Effects.Steps.Single().Details["signals"]);
        Assert.Empty(harness.State.PendingWork);
    }

    [Fact]
    public void A_flemish_approval_waits_for_the_federal_approval_and_then_the_permit_is_granted()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.After(4);
        Transition approved = harness.Decide(CaseworkerVerdict.Approve);

        Assert.Equal(Stage.AwaitingFederalDecision, harness.State.Stage);
        Assert.Equal(CommandFate.Accepted, CaseHarness.SettlementOf(approved).Fate);
        Assert.Equal(harness.Now, harness.State.SlaClock().StoppedAt); // the SLA measures up to the caseworker's decision
        Assert.Equal([CaseEvents.CaseworkerDecided, CaseEvents.AwaitingFederalDecision], approved.Effects.Steps.Select(s => s.Event));

        harness.After(3);
        harness.Federal(FederalVerdict.Approved);
        Assert.Equal(Stage.Deciding, harness.State.Stage);
        Assert.Equal(Outcome.Granted, harness.State.Outcome);
        Assert.Empty(harness.State.Grounds);
        Assert.Equal(harness.Now, harness.State.DecidedAt);
        Assert.Equal(harness.Now.AddDays(-3), harness.State.SlaClock().StoppedAt); // not moved by the final decision
    }

    [Fact]
    public void A_federal_approval_before_the_caseworker_grants_on_the_caseworkers_approval()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.Federal(FederalVerdict.Approved);
        Assert.Equal(Stage.AwaitingDecision, harness.State.Stage);

        harness.Decide(CaseworkerVerdict.Approve);
        Assert.Equal(Outcome.Granted, harness.State.Outcome);
    }

    [Fact]
    public void A_flemish_refusal_refuses_on_its_grounds_and_cancels_the_federal_leg()
    {
        var harness = CaseHarness.Start(PermitCategory.MediumSkilledShortage).Complete();
        Transition refused = harness.Decide(CaseworkerVerdict.Refuse, DecisionGrounds.EconomicHub.Code);

        Assert.Equal(Outcome.Refused, harness.State.Outcome);
        Assert.Equal([DecisionGrounds.EconomicHub.Code], harness.State.Grounds);
        FederalOutboundMessage cancellation = Assert.Single(refused.Effects.FederalMessages);
        Assert.Equal(FederalOutboundKind.Cancellation, cancellation.Kind);
        Assert.Equal(FederalLegStatus.Cancelled, harness.State.Federal.Status);
        Assert.Equal([CaseWork.IssueLetter], harness.State.PendingWork);
    }

    [Fact]
    public void A_federal_refusal_refuses_the_single_permit_whatever_the_flemish_side_and_cites_residence()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        Transition refused = harness.Federal(FederalVerdict.Refused);

        Assert.Equal(Outcome.Refused, harness.State.Outcome);
        Assert.Equal([DecisionGrounds.ResidenceRefused.Code], harness.State.Grounds);
        Assert.Equal(["public-order"], harness.State.Federal.ReasonCodes);
        Assert.Empty(refused.Effects.FederalMessages); // nothing to cancel: the office decided
    }

    [Fact]
    public void A_federal_refusal_during_the_assessment_decides_as_soon_as_the_assessment_is_in()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        harness.Receive(harness.FeePaid());
        harness.Gathered();
        harness.Checked();
        harness.Federal(FederalVerdict.Refused);
        Assert.Equal(Stage.Assessment, harness.State.Stage);

        harness.Assessed();
        Assert.Equal(Outcome.Refused, harness.State.Outcome);
    }

    [Fact]
    public void A_work_card_is_granted_on_the_caseworkers_approval_alone()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard).Complete();
        harness.Decide(CaseworkerVerdict.Approve);
        Assert.Equal(Outcome.Granted, harness.State.Outcome);
    }

    [Fact]
    public void The_letter_closes_the_case_and_notifies_employer_and_worker()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard).Complete();
        harness.Decide(CaseworkerVerdict.Approve);
        Transition closed = harness.LetterIssued();

        Assert.True(harness.State.IsClosed);
        Assert.Equal([Party.Employer, Party.Worker], closed.Effects.Notifications.Select(n => n.Party));
        Assert.All(closed.Effects.Notifications, n => Assert.Equal(harness.State.Letter, n.LetterReference));
        PermitApplicationResult result = PermitCaseModel.Result(harness.State);
        Assert.Equal((Outcome.Granted, harness.State.Letter), (result.Outcome, result.LetterReference));
    }

    [Fact]
    public void A_professional_card_notifies_only_the_self_employed_applicant()
    {
        var harness = CaseHarness.Start(PermitCategory.ProfessionalCard).Complete();
        harness.Decide(CaseworkerVerdict.Approve);
        Transition closed = harness.LetterIssued();

        Assert.Equal([Party.Worker], closed.Effects.Notifications.Select(n => n.Party));
    }

    [Fact]
    public void A_closed_case_does_not_move_whatever_arrives()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard).Complete();
        harness.Decide(CaseworkerVerdict.Approve);
        harness.LetterIssued();
        PermitCase closed = harness.State;

        Transition late = harness.Receive(harness.Documents());
        Assert.True(late.IsQuiet);
        Assert.Same(closed, harness.State);
        Assert.Null(PermitCaseModel.NextWakeUp(closed, harness.Now));
    }

    [Fact]
    public void The_result_of_an_open_case_is_an_error()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard);
        Assert.Throws<InvalidOperationException>(() => PermitCaseModel.Result(harness.State));
    }

    [Fact]
    public void Third_parties_are_asked_with_a_deadline_that_does_not_pause_the_clock_and_their_answer_is_kept()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        Transition asked = harness.Receive(harness.ThirdPartyRequest(days: 20));

        ThirdPartyRequest sent = Assert.Single(asked.Effects.ThirdPartyRequests);
        Assert.Equal((harness.Now.AddDays(20), $"{harness.Id}:third-party:TP-1"), (sent.Deadline, sent.IdempotencyKey));
        Assert.False(harness.State.SlaClock().IsPaused);
        Assert.Contains("third-party:document-authentication", harness.State.Awaiting);

        harness.After(2);
        harness.Receive(harness.ThirdPartyAnswer(answer: ThirdPartyAnswer.False, answerId: "ANS-9"));
        ThirdPartySnapshot answered = Assert.Single(harness.State.ThirdParties);
        Assert.Equal((ThirdPartyAnswer.False, "ANS-9", harness.Now), (answered.Answer, answered.AnswerId, answered.AnsweredAt!.Value));
        Assert.Empty(harness.State.OpenThirdParties);
    }

    [Theory]
    [InlineData(ThirdPartyKind.DocumentAuthentication, ThirdPartyAnswer.False)]
    [InlineData(ThirdPartyKind.ScreeningAdvice, ThirdPartyAnswer.Unfavourable)]
    public void Approving_against_a_negative_third_party_answer_needs_a_recorded_override(ThirdPartyKind kind, ThirdPartyAnswer answer)
    {
        var harness = CaseHarness.Start(PermitCategory.MinisterOfReligion).Complete();
        harness.Receive(harness.ThirdPartyRequest(kind: kind));
        harness.Receive(harness.ThirdPartyAnswer(answer: answer));

        Refusal refusal = PermitCaseModel.Admits(harness.State, new CaseworkerDecided("decision:x", harness.Id, harness.Now, "x", CaseworkerVerdict.Approve, []))!;
        Assert.Equal(("override-needed", true), (refusal.Code, refusal.Unfit));
        Assert.Contains("TP-1", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains($"'{Codes.Of(answer)}'", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("overrideReason", refusal.Reason, StringComparison.Ordinal);

        // The workflow refuses it too (the API's view of the case may lag behind the answer).
        Transition refused = harness.Decide(CaseworkerVerdict.Approve);
        Assert.Equal(CommandFate.Rejected, CaseHarness.SettlementOf(refused).Fate);
        Assert.Null(harness.State.CaseworkerDecision);

        // A refusal needs no override; an approval with one goes on, and the audit row says it overrode.
        Assert.Null(PermitCaseModel.Admits(harness.State, new CaseworkerDecided("decision:y", harness.Id, harness.Now, "y", CaseworkerVerdict.Refuse, [DecisionGrounds.FalseDocuments.Code])));
        Transition approved = harness.ApproveOverriding();
        Assert.Equal(CommandFate.Accepted, CaseHarness.SettlementOf(approved).Fate);
        Assert.Equal("true", approved.Effects.Steps.Single(s => s.Event == CaseEvents.CaseworkerDecided).Details["override"]);
        Assert.Equal(CaseworkerVerdict.Approve, harness.State.CaseworkerDecision!.Verdict);
    }

    [Fact]
    public void An_inconclusive_or_positive_answer_needs_no_override()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.Receive(harness.ThirdPartyRequest());
        harness.Receive(harness.ThirdPartyAnswer(answer: ThirdPartyAnswer.Inconclusive));

        Transition approved = harness.Decide(CaseworkerVerdict.Approve);

        Assert.Equal(CommandFate.Accepted, CaseHarness.SettlementOf(approved).Fate);
        Assert.False(approved.Effects.Steps.Single(s => s.Event == CaseEvents.CaseworkerDecided).Details.ContainsKey("override"));
    }

    [Fact]
    public void An_unanswered_third_party_expires_at_its_deadline_and_the_caseworker_may_decide()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.Receive(harness.ThirdPartyRequest(days: 5));
        Assert.NotNull(PermitCaseModel.Admits(harness.State, new CaseworkerDecided("decision:x", harness.Id, harness.Now, "x", CaseworkerVerdict.Approve, [])));

        harness.After(5);
        Transition expired = harness.Time();
        Assert.Contains(CaseEvents.ThirdPartyRequestExpired, expired.Effects.Steps.Select(s => s.Event));
        Assert.True(Assert.Single(harness.State.ThirdParties).Expired);
        Assert.Null(PermitCaseModel.Admits(harness.State, new CaseworkerDecided("decision:x", harness.Id, harness.Now, "x", CaseworkerVerdict.Approve, [])));
    }

    [Fact]
    public void Documents_during_the_open_decision_are_assessed_again_for_the_caseworker()
    {
        var harness = CaseHarness.Start(PermitCategory.Other).Complete();
        harness.Receive(harness.Documents(DocumentTypes.SearchDossier));
        Assert.Equal([CaseWork.Assess], harness.State.PendingWork);

        Transition reassessed = harness.Assessed();
        Assert.Equal(CaseEvents.Reassessed, Assert.Single(reassessed.Effects.Steps).Event);
        Assert.Equal(Stage.AwaitingDecision, harness.State.Stage);
    }
}
