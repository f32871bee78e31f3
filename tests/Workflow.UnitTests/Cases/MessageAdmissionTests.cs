using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.UnitTests.Cases;

/// <summary>
/// Messages the case does not take: duplicates, stale and late ones, commands the state no longer admits, and the
/// limits. Each is refused the same way by the API (<see cref="PermitCaseModel.Admits"/>) and by the workflow, which
/// records the refusal as the command's fate and changes nothing else.
/// </summary>
public sealed class MessageAdmissionTests
{
    [Fact]
    public void A_redelivered_message_is_recorded_once_as_a_duplicate_and_changes_nothing()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        InformationRequested request = harness.InformationRequest();
        harness.Receive(request);
        PermitCase before = harness.State;

        Transition again = harness.Receive(request);

        Assert.Equal(CaseEvents.DuplicateIgnored, Assert.Single(again.Effects.Steps).Event);
        Assert.Empty(again.Effects.Settlements); // its fate was settled the first time
        Assert.Empty(again.Effects.Notifications);
        Assert.False(again.StateChanged);
        Assert.Equal(before.InformationRequests, harness.State.InformationRequests);
    }

    [Fact]
    public void A_second_decision_whatever_its_id_is_rejected_with_the_first_named()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.Decide(CaseworkerVerdict.Approve);
        PermitCase afterFirst = harness.State;
        string first = afterFirst.CaseworkerDecision!.DecisionId;

        Transition second = harness.Decide(CaseworkerVerdict.Refuse, DecisionGrounds.EconomicHub.Code);

        CommandSettlement fate = CaseHarness.SettlementOf(second);
        Assert.Equal(CommandFate.Rejected, fate.Fate);
        Assert.Equal($"Decision {first} was taken already; an application has one caseworker decision.", fate.Reason);
        Assert.Equal(CaseEvents.Rejected(CommandKinds.Decision), Assert.Single(second.Effects.Steps).Event);
        Assert.Equal(CaseworkerVerdict.Approve, harness.State.CaseworkerDecision!.Verdict);
        Assert.Equal(afterFirst.Stage, harness.State.Stage);
    }

    [Theory]
    [InlineData(CaseworkerVerdict.Approve)]
    [InlineData(CaseworkerVerdict.Refuse)]
    public void A_decision_before_the_assessment_is_rejected_and_the_api_refuses_it_with_the_same_reason(CaseworkerVerdict verdict)
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        var decision = new CaseworkerDecided(harness.NextId(CommandKinds.Decision), harness.Id, harness.Now, "DEC-A", verdict, verdict == CaseworkerVerdict.Refuse ? ["economic-hub"] : []);

        Refusal? atTheApi = PermitCaseModel.Admits(harness.State, decision);
        Transition inTheWorkflow = harness.Receive(decision);

        Assert.NotNull(atTheApi);
        Assert.Equal("not-open", atTheApi.Code);
        Assert.Equal(new CommandSettlement(decision.MessageId, CommandFate.Rejected, atTheApi.Reason), CaseHarness.SettlementOf(inTheWorkflow));
        Assert.Null(harness.State.CaseworkerDecision);
    }

    [Fact]
    public void A_decision_while_a_third_party_is_open_is_rejected()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.Receive(harness.ThirdPartyRequest());

        Transition decided = harness.Decide(CaseworkerVerdict.Approve);

        Assert.Equal(CommandFate.Rejected, CaseHarness.SettlementOf(decided).Fate);
        Assert.StartsWith("Third-party request TP-1", CaseHarness.SettlementOf(decided).Reason, StringComparison.Ordinal);
        Assert.Null(harness.State.CaseworkerDecision);
    }

    [Fact]
    public void An_information_request_pauses_the_clock_notifies_the_applicant_and_its_answer_resumes_the_clock()
    {
        var harness = CaseHarness.Start(PermitCategory.MediumSkilledShortage).Complete();
        harness.After(2);
        Transition asked = harness.Receive(harness.InformationRequest(days: 10));
        DateTimeOffset askedAt = harness.Now;

        Assert.Equal(new OpenInformationRequest("INFO-1", askedAt, askedAt.AddDays(10)), harness.State.InformationRequest);
        Assert.Equal(PauseReason.InformationRequested, harness.State.Sla.Pauses[^1].Reason);
        PartyNotification told = Assert.Single(asked.Effects.Notifications);
        Assert.Equal((NotificationKind.InformationRequested, askedAt.AddDays(10)), (told.Kind, told.Deadline));
        Assert.Contains("information-response", harness.State.ApplicantItems);

        Transition secondWhileOpen = harness.Receive(harness.InformationRequest("INFO-2"));
        Assert.Equal("Information request INFO-1 is still open.", CaseHarness.SettlementOf(secondWhileOpen).Reason);

        harness.After(4);
        Transition answered = harness.Receive(harness.Documents(DocumentTypes.InformationResponse, answers: "INFO-1"));
        Assert.Null(harness.State.InformationRequest);
        Assert.Equal(CaseEvents.InformationSupplied, answered.Effects.Steps[0].Event);
        Assert.Equal(askedAt.AddDays(4), harness.State.Sla.Pauses[^1].End);
        Assert.Equal([CaseWork.Assess], harness.State.PendingWork); // the answer is assessed again
    }

    [Fact]
    public void An_unanswered_information_request_expires_at_its_deadline_and_the_clock_runs_again()
    {
        var harness = CaseHarness.Start(PermitCategory.MediumSkilledShortage).Complete();
        harness.Receive(harness.InformationRequest(days: 10));
        DateTimeOffset deadline = harness.State.InformationRequest!.Deadline!.Value;

        Assert.Equal(deadline, PermitCaseModel.NextWakeUp(harness.State, harness.Now));
        harness.WakeUp();

        Assert.Null(harness.State.InformationRequest);
        Assert.Equal(deadline, harness.State.Sla.Pauses[^1].End);
        Assert.Contains(CaseEvents.InformationRequestExpired, harness.Timeline);
    }

    [Fact]
    public void Documents_naming_a_request_that_is_not_open_are_rejected_for_the_applicant_in_its_own_terms()
    {
        var harness = CaseHarness.Start(PermitCategory.MediumSkilledShortage).Complete();
        harness.Receive(harness.InformationRequest("INFO-1", days: 3));
        harness.After(3);
        harness.Time(); // expired

        Transition late = harness.Receive(harness.Documents(DocumentTypes.InformationResponse, answers: "INFO-1"));

        Assert.Equal("Information request INFO-1 is not open.", CaseHarness.SettlementOf(late).Reason);
        Assert.Equal(CaseEvents.Rejected(CommandKinds.Documents), late.Effects.Steps.Single().Event);
        Assert.Equal(0, harness.State.DocumentBatches);
    }

    [Fact]
    public void Answers_to_an_unknown_or_already_answered_third_party_request_are_rejected()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        Assert.Equal("unknown", PermitCaseModel.Admits(harness.State, harness.ThirdPartyAnswer("TP-X"))!.Code);

        harness.Receive(harness.ThirdPartyRequest());
        harness.Receive(harness.ThirdPartyAnswer(answerId: "ANS-1"));
        Transition second = harness.Receive(harness.ThirdPartyAnswer(answer: ThirdPartyAnswer.False, answerId: "ANS-2"));

        Assert.Equal("Request TP-1 was answered already (authentic).", CaseHarness.SettlementOf(second).Reason);
        Assert.Equal(ThirdPartyAnswer.Authentic, Assert.Single(harness.State.ThirdParties).Answer);
    }

    [Fact]
    public void Screening_advice_is_for_ministers_of_religion_only_and_a_request_id_is_used_once()
    {
        var skilled = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        Assert.Equal("category", PermitCaseModel.Admits(skilled.State, skilled.ThirdPartyRequest(kind: ThirdPartyKind.ScreeningAdvice))!.Code);

        var minister = CaseHarness.Start(PermitCategory.MinisterOfReligion).Complete();
        minister.Receive(minister.ThirdPartyRequest("TP-S", ThirdPartyKind.ScreeningAdvice));
        Assert.Equal("exists", PermitCaseModel.Admits(minister.State, minister.ThirdPartyRequest("TP-S"))!.Code);
    }

    [Fact]
    public void Past_the_policys_limits_documents_information_and_third_party_requests_are_rejected()
    {
        var limits = new CaseLimits(DocumentBatches: 2, Corrections: 1, PaymentAttempts: 2, ThirdPartyRequests: 1, InformationRequests: 1, InformationRequestsWithoutConsent: 1);
        var harness = CaseHarness.Start(PermitCategory.WorkCard, terms: PolicyCatalog.Embedded.Resolve(PermitCategory.WorkCard, CaseHarness.Submitted, false) with { Limits = limits }).Complete();

        harness.Receive(harness.Documents());
        harness.Assessed();
        harness.Receive(harness.Documents());
        harness.Assessed();
        Transition third = harness.Receive(harness.Documents());
        Assert.Equal("An application takes at most 2 batches of documents; contact the department.", CaseHarness.SettlementOf(third).Reason);

        harness.Receive(harness.ThirdPartyRequest("TP-1"));
        Assert.Equal("limit", PermitCaseModel.Admits(harness.State, harness.ThirdPartyRequest("TP-2"))!.Code);

        harness.Receive(harness.ThirdPartyAnswer("TP-1"));
        harness.Receive(harness.InformationRequest("I-1", days: 1));
        harness.After(1).Time();
        Assert.Equal("limit", PermitCaseModel.Admits(harness.State, harness.InformationRequest("I-2"))!.Code);
    }

    [Fact]
    public void Federal_messages_for_another_handoff_are_stale_and_after_the_answer_or_a_cancellation_late()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        string handoff = harness.State.Federal.HandoffId!;

        Transition stale = harness.Federal(FederalVerdict.Approved, handoffId: "wp-other-h1");
        Assert.Equal("federal-decision-stale", stale.Effects.Steps.Single().Event);
        Assert.Equal(CommandFate.Rejected, CaseHarness.SettlementOf(stale).Fate);

        harness.Receive(new FederalAcknowledged(harness.NextId(CommandKinds.Federal), harness.Id, harness.Now, handoff));
        Assert.Equal(FederalLegStatus.Acknowledged, harness.State.Federal.Status);
        Transition secondAck = harness.Receive(new FederalAcknowledged(harness.NextId(CommandKinds.Federal), harness.Id, harness.Now, handoff));
        Assert.Equal("federal-acknowledgement-late", secondAck.Effects.Steps.Single().Event);

        harness.Receive(new FederalInformationRequested(harness.NextId(CommandKinds.Federal), harness.Id, harness.Now, handoff));
        Assert.Equal(FederalLegStatus.InformationRequested, harness.State.Federal.Status);

        harness.Decide(CaseworkerVerdict.Refuse, DecisionGrounds.EconomicHub.Code); // cancels the leg
        Transition afterCancel = harness.Federal(FederalVerdict.Approved, handoff);
        Assert.Equal("federal-decision-late", afterCancel.Effects.Steps.Single().Event);
        Assert.Equal("the application is decided", CaseHarness.SettlementOf(afterCancel).Reason);
    }

    [Fact]
    public void Answers_to_the_own_handoff_before_it_is_recorded_are_held_then_acted_on_in_order()
    {
        // After a crash the office may answer the handoff before the recovering workflow records sending it again.
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        harness.Receive(harness.FeePaid());
        string handoff = $"{harness.Id}-h1";
        var acknowledgement = new FederalAcknowledged(harness.NextId(CommandKinds.Federal), harness.Id, harness.Now, handoff);
        var decision = new FederalDecided(harness.NextId(CommandKinds.Federal), harness.Id, harness.Now, handoff, FederalVerdict.Approved, []);
        Assert.Null(PermitCaseModel.Admits(harness.State, decision)); // the edge raises it: the case will take it

        Transition held = harness.Receive(acknowledgement);
        harness.Receive(decision);
        Assert.Empty(held.Effects.Settlements);
        Assert.Empty(held.Effects.Steps);
        Assert.Equal([acknowledgement, decision], harness.State.HeldFederalMessages);
        Assert.Equal(CaseEvents.DuplicateIgnored, harness.Receive(acknowledgement).Effects.Steps.Single().Event);

        harness.Gathered();
        Transition admissible = harness.Checked();
        Assert.Equal(
            ["admissible", "federal-handoff-sent", "federal-acknowledged", "federal-decided"],
            admissible.Effects.Steps.Select(s => s.Event).Where(e => e != "milestone-scheduled"));
        Assert.Equal([acknowledgement.MessageId, decision.MessageId], admissible.Effects.Settlements.Select(s => s.MessageId));
        Assert.All(admissible.Effects.Settlements, s => Assert.Equal(CommandFate.Accepted, s.Fate));
        Assert.Equal(FederalLegStatus.Approved, harness.State.Federal.Status);
        Assert.Empty(harness.State.HeldFederalMessages);
        Assert.DoesNotContain("\"heldFederalMessages\"", System.Text.Json.JsonSerializer.Serialize(harness.State, Orchestrations.Serialization.WorkflowJson.Options), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Held_answers_are_late_when_the_case_is_decided_before_its_federal_leg_starts()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        var acknowledgement = new FederalAcknowledged(harness.NextId(CommandKinds.Federal), harness.Id, harness.Now, $"{harness.Id}-h1");
        harness.Receive(acknowledgement);
        Assert.Single(harness.State.HeldFederalMessages);

        Transition withdrawn = harness.Receive(new ApplicationWithdrawn(harness.NextId(CommandKinds.Withdrawal), harness.Id, harness.Now, "W-1"));
        CommandSettlement late = Assert.Single(withdrawn.Effects.Settlements, s => s.MessageId == acknowledgement.MessageId);
        Assert.Equal((CommandFate.Rejected, "the application was decided before its federal leg started"), (late.Fate, late.Reason));
        Assert.Contains("federal-acknowledgement-late", withdrawn.Effects.Steps.Select(s => s.Event));
        Assert.Empty(harness.State.HeldFederalMessages);
    }

    [Fact]
    public void A_federal_message_for_a_work_card_is_stale_there_is_no_federal_leg()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard).Complete();
        Refusal refusal = PermitCaseModel.Admits(harness.State, new FederalDecided("federal:x", harness.Id, harness.Now, "h", FederalVerdict.Approved, []))!;
        Assert.Equal(("stale", "this application has no federal leg"), (refusal.Code, refusal.Reason));
    }

    [Fact]
    public void Every_message_kind_has_a_command_kind_and_a_sender()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        PermitMessage[] messages =
        [
            harness.Documents(), harness.FeePaid(), new FeeReversed("m", harness.Id, harness.Now, "p"), harness.InformationRequest(),
            new CaseworkerDecided("m", harness.Id, harness.Now, "d", CaseworkerVerdict.Approve, []), harness.ThirdPartyRequest(), harness.ThirdPartyAnswer(),
            new ApplicationWithdrawn("m", harness.Id, harness.Now, "w"), new ApplicationCorrected("m", harness.Id, harness.Now, "c", ["job"]),
            new FederalAcknowledged("m", harness.Id, harness.Now, "h"),
        ];
        Assert.Equal(
            [CommandKinds.Documents, CommandKinds.PaymentEvent, CommandKinds.PaymentEvent, CommandKinds.InformationRequest, CommandKinds.Decision,
             CommandKinds.ThirdPartyRequest, CommandKinds.ThirdPartyAnswer, CommandKinds.Withdrawal, CommandKinds.Correction, CommandKinds.Federal],
            messages.Select(PermitCaseModel.KindOf));
        Assert.Equal(
            [Actors.Employer, Actors.PaymentProvider, Actors.PaymentProvider, Actors.Caseworker, Actors.Caseworker,
             Actors.Caseworker, Actors.Caseworker, Actors.Employer, Actors.Employer, Actors.FederalOffice],
            messages.Select(PermitCaseModel.SenderOf));
    }
}
