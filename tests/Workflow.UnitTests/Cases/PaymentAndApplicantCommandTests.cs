using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.UnitTests.Cases;

/// <summary>The fee as the provider confirms and reverses it (§2.5), and the applicant's withdrawal and corrections.</summary>
public sealed class PaymentAndApplicantCommandTests
{
    public static TheoryData<PermitCategory, string, bool, string> NoFeeCases => new()
    {
        { PermitCategory.WorkCard, "2026-03-02T09:00:00Z", false, "No fee is due for this application: a work card up to 90 days is exempt (§2.5). This payment will be refunded." },
        { PermitCategory.WorkCard, "2025-06-02T09:00:00Z", false, "No fee is due for this application: no fee was in force on its submission date (2025-06-02). This payment will be refunded." },
        { PermitCategory.HighlySkilled, "2025-12-31T22:30:00Z", false, "No fee is due for this application: no fee was in force on its submission date (2025-12-31). This payment will be refunded." },
        { PermitCategory.Other, "2026-03-02T09:00:00Z", true, "No fee is due for this application: its function is excluded from the category 'other' (§2.3), so the application is inadmissible. This payment will be refunded." },
    };

    [Theory]
    [MemberData(nameof(NoFeeCases))]
    public void A_payment_where_no_fee_is_due_is_refused_with_the_actual_reason(PermitCategory category, string submitted, bool functionExcluded, string reason)
    {
        // The case as the API knows it right after submission: the reason must hold then too (before any decision).
        PermitTerms terms = PolicyCatalog.Embedded.Resolve(category, DateTimeOffset.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture), inPeakPeriod: false);
        PermitCase state = CaseHarness.Start(category, terms: functionExcluded ? terms.ForExcludedFunction() : terms).State with
        {
            SubmittedAt = DateTimeOffset.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture),
        };

        Refusal refusal = PermitCaseModel.Admits(state, new FeePaid("payment-event:x", state.ApplicationId, state.SubmittedAt, "PAY-X", 20000, "EUR"))!;

        Assert.Equal(("not-due", reason), (refusal.Code, refusal.Reason));
    }

    [Fact]
    public void A_payment_on_a_decided_application_is_refused_for_refund()
    {
        PermitTerms terms = PolicyCatalog.Embedded.Resolve(PermitCategory.Other, CaseHarness.Submitted, inPeakPeriod: false).ForExcludedFunction();
        var harness = CaseHarness.Start(PermitCategory.Other, terms: terms, functionExcluded: true);

        Refusal refusal = PermitCaseModel.Admits(harness.State, new FeePaid("payment-event:x", harness.Id, harness.Now, "PAY-X", 20000, "EUR"))!;

        Assert.Equal(("decided", "The application is decided; it takes no more payments: this payment will be refunded."), (refusal.Code, refusal.Reason));
    }

    [Fact]
    public void A_payment_of_the_wrong_amount_a_second_payment_and_a_payment_of_no_fee_are_rejected_for_refund()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        Transition wrong = harness.Receive(harness.FeePaid(amountCents: 100));
        Assert.Equal("The fee due is 200.00 EUR; this payment will be refunded.", CaseHarness.SettlementOf(wrong).Reason);
        Assert.Equal(FeeStatus.Due, harness.State.Fee);

        harness.Receive(harness.FeePaid(paymentId: "PAY-1"));
        Transition twice = harness.Receive(harness.FeePaid(paymentId: "PAY-2"));
        Assert.Equal("The fee was paid already (payment PAY-1); this payment will be refunded.", CaseHarness.SettlementOf(twice).Reason);

        var workCard = CaseHarness.Start(PermitCategory.WorkCard);
        Assert.Equal("not-due", PermitCaseModel.Admits(workCard.State, workCard.FeePaid(amountCents: 20000))!.Code);
    }

    [Fact]
    public void A_fee_paid_on_a_file_waiting_only_for_it_makes_the_file_admissible_at_once()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        harness.Gathered();
        harness.Checked();
        Assert.Equal(Stage.AwaitingApplicant, harness.State.Stage);

        harness.After(2);
        Transition paid = harness.Receive(harness.FeePaid());

        Assert.Equal(Stage.Assessment, harness.State.Stage);
        Assert.Equal([CaseEvents.FeePaid, CaseEvents.Admissible, CaseEvents.FederalHandoffSent], paid.Effects.Steps.Select(s => s.Event));
        Assert.Equal(harness.Now, harness.State.Sla.Pauses[^1].End);
    }

    [Fact]
    public void A_reversal_after_admissibility_reopens_the_fee_with_a_deadline_blocks_an_approval_and_a_new_payment_resumes()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.After(1);
        Transition reversed = harness.Receive(new FeeReversed(harness.NextId(CommandKinds.PaymentEvent), harness.Id, harness.Now, "PAY-1"));

        Assert.Equal(FeeStatus.Reversed, harness.State.Fee);
        Assert.Equal(PauseReason.FeeReversed, harness.State.Sla.Pauses[^1].Reason);
        Assert.Equal(harness.Now.AddDays(15), harness.State.ApplicantDeadline);
        Assert.Equal(["fee"], harness.State.ApplicantItems);
        Assert.Equal(NotificationKind.ItemsMissing, Assert.Single(reversed.Effects.Notifications).Kind);
        Assert.Equal([CaseEvents.FeeReversed, CaseEvents.FeeDueAgain], reversed.Effects.Steps.Select(s => s.Event));

        Assert.Equal("fee-due", PermitCaseModel.Admits(harness.State, new CaseworkerDecided("decision:x", harness.Id, harness.Now, "x", CaseworkerVerdict.Approve, []))!.Code);

        harness.After(2);
        harness.Receive(harness.FeePaid(paymentId: "PAY-2"));
        Assert.Equal(FeeStatus.Paid, harness.State.Fee);
        Assert.Null(harness.State.ApplicantDeadline);
        Assert.Equal(harness.Now, harness.State.Sla.Pauses[^1].End);
        harness.Decide(CaseworkerVerdict.Approve);
        Assert.Equal(Stage.AwaitingFederalDecision, harness.State.Stage);
    }

    [Fact]
    public void A_reversal_of_another_payment_than_the_fees_changes_nothing()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        Transition reversal = harness.Receive(new FeeReversed(harness.NextId(CommandKinds.PaymentEvent), harness.Id, harness.Now, "PAY-OTHER"));

        Assert.Equal(CommandFate.Rejected, CaseHarness.SettlementOf(reversal).Fate);
        Assert.Equal(FeeStatus.Paid, harness.State.Fee);
    }

    [Fact]
    public void A_reversed_fee_not_paid_again_by_the_deadline_makes_the_file_inadmissible_and_cancels_the_federal_leg()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.Receive(new FeeReversed(harness.NextId(CommandKinds.PaymentEvent), harness.Id, harness.Now, "PAY-1"));

        Transition deadline = harness.WakeUp();

        Assert.Equal((Outcome.Inadmissible, DecisionGrounds.FeeUnpaid.Code), (harness.State.Outcome!.Value, Assert.Single(harness.State.Grounds)));
        Assert.Equal(FederalOutboundKind.Cancellation, Assert.Single(deadline.Effects.FederalMessages).Kind);
        Assert.Contains(CaseEvents.FeeDeadlinePassed, harness.Timeline);
    }

    [Fact]
    public void A_reversal_after_the_flemish_approval_holds_the_grant_until_the_fee_is_paid_again()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.Decide(CaseworkerVerdict.Approve);
        harness.Receive(new FeeReversed(harness.NextId(CommandKinds.PaymentEvent), harness.Id, harness.Now, "PAY-1"));
        harness.Federal(FederalVerdict.Approved);
        Assert.Null(harness.State.Outcome);

        harness.Receive(harness.FeePaid(paymentId: "PAY-2"));
        Assert.Equal(Outcome.Granted, harness.State.Outcome);
    }

    [Fact]
    public void A_withdrawal_before_the_decision_closes_the_case_as_withdrawn_and_cancels_the_federal_leg()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        Transition withdrawn = harness.Receive(new ApplicationWithdrawn(harness.NextId(CommandKinds.Withdrawal), harness.Id, harness.Now, "W-1"));

        Assert.Equal(Outcome.Withdrawn, harness.State.Outcome);
        Assert.Empty(harness.State.Grounds);
        Assert.Equal([CaseEvents.Withdrawn, CaseEvents.FederalLegCancelled, CaseEvents.Decided], withdrawn.Effects.Steps.Select(s => s.Event));
        Assert.Equal(FederalLegStatus.Cancelled, harness.State.Federal.Status);
        Assert.Equal([CaseWork.IssueLetter], harness.State.PendingWork);
        Assert.Equal("decided", PermitCaseModel.Admits(harness.State, new ApplicationWithdrawn("withdrawal:2", harness.Id, harness.Now, "W-2"))!.Code);
    }

    [Fact]
    public void Applications_of_version_1_take_no_withdrawal_correction_or_reversal()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled, version: "1.0");
        PermitMessage[] later = [new ApplicationWithdrawn("w", harness.Id, harness.Now, "W"), new ApplicationCorrected("c", harness.Id, harness.Now, "C", ["job"]), new FeeReversed("r", harness.Id, harness.Now, "P")];
        Assert.All(later, message => Assert.Equal("version", PermitCaseModel.Admits(harness.State, message)!.Code));
    }

    [Fact]
    public void A_correction_during_admissibility_reads_the_sources_and_checks_again_in_that_order()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        harness.Gathered();
        harness.Checked(missing: [DocumentTypes.Diploma]);

        harness.Receive(new ApplicationCorrected(harness.NextId(CommandKinds.Correction), harness.Id, harness.Now, "C-1", ["worker"]));

        Assert.Equal([CaseWork.GatherSources, CaseWork.CheckAdmissibility], harness.State.PendingWork);
        Assert.Equal(1, harness.State.Corrections);
    }

    [Fact]
    public void A_correction_during_the_assessment_is_assessed_again_and_after_the_caseworkers_decision_only_kept()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.Receive(new ApplicationCorrected(harness.NextId(CommandKinds.Correction), harness.Id, harness.Now, "C-1", ["job"]));
        Assert.Equal([CaseWork.GatherSources, CaseWork.Assess], harness.State.PendingWork);
        harness.Gathered();
        Assert.Equal(CaseEvents.Reassessed, Assert.Single(harness.Assessed().Effects.Steps).Event);

        harness.Decide(CaseworkerVerdict.Approve);
        Transition kept = harness.Receive(new ApplicationCorrected(harness.NextId(CommandKinds.Correction), harness.Id, harness.Now, "C-2", ["job"]));
        Assert.Equal(CommandFate.Accepted, CaseHarness.SettlementOf(kept).Fate);
        Assert.Empty(harness.State.PendingWork);
    }

    [Fact]
    public void Corrections_past_the_limit_are_refused()
    {
        var limits = CaseLimits.Default with { Corrections = 1 };
        var harness = CaseHarness.Start(PermitCategory.WorkCard, terms: PolicyCatalog.Embedded.Resolve(PermitCategory.WorkCard, CaseHarness.Submitted, false) with { Limits = limits });
        harness.Receive(new ApplicationCorrected(harness.NextId(CommandKinds.Correction), harness.Id, harness.Now, "C-1", ["job"]));

        Assert.Equal("limit", PermitCaseModel.Admits(harness.State, new ApplicationCorrected("correction:C-2", harness.Id, harness.Now, "C-2", ["job"]))!.Code);
    }
}
