using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.UnitTests.Cases;

/// <summary>The case model's admissibility (§2.9, §2.1): receipt, sources, completeness, the applicant's deadline.</summary>
public sealed class AdmissibilityTransitionTests
{
    [Fact]
    public void A_new_case_records_its_receipt_and_first_asks_for_the_authentic_sources()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);

        Assert.Equal(Stage.Admissibility, harness.State.Stage);
        Assert.Equal([CaseWork.GatherSources], harness.State.PendingWork);
        Assert.Equal([CaseEvents.Received], harness.Timeline);
        Assert.Equal(FeeStatus.Due, harness.State.Fee);
        Assert.Equal(FederalLegStatus.NotStarted, harness.State.Federal.Status);
        Assert.Equal("wf-received-1", Assert.Single(harness.Last.Effects.Steps).Key);
        Assert.True(harness.Last.StateChanged);
    }

    [Fact]
    public void A_work_card_owes_no_fee_and_has_no_federal_leg()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard);

        Assert.Equal(FeeStatus.NotDue, harness.State.Fee);
        Assert.Equal(FederalLegStatus.NotApplicable, harness.State.Federal.Status);
    }

    [Fact]
    public void Read_sources_lead_to_the_admissibility_check()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard);
        harness.Gathered();

        Assert.Equal([CaseWork.CheckAdmissibility], harness.State.PendingWork);
        Assert.Equal(CaseEvents.SourcesGathered, harness.Timeline.Last());
    }

    [Fact]
    public void A_file_missing_documents_and_the_fee_waits_on_the_applicant_with_a_deadline_and_a_paused_clock()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        harness.Gathered();
        harness.After(0.5);
        Transition waiting = harness.Checked(missing: [DocumentTypes.Diploma]);

        Assert.Equal(Stage.AwaitingApplicant, harness.State.Stage);
        Assert.Equal(harness.Now.AddDays(15), harness.State.ApplicantDeadline);
        Assert.True(harness.State.SlaClock().IsPaused);
        Assert.Equal(PauseReason.AwaitingApplicant, harness.State.Sla.Pauses[^1].Reason);
        Assert.Equal([DocumentTypes.Diploma, "fee"], harness.State.ApplicantItems);
        PartyNotification told = Assert.Single(waiting.Effects.Notifications);
        Assert.Equal((Party.Employer, NotificationKind.ItemsMissing), (told.Party, told.Kind));
        Assert.Equal([DocumentTypes.Diploma, "fee"], told.Items);
        Assert.Equal(harness.State.ApplicantDeadline, told.Deadline);
        Assert.Contains(CaseEvents.ItemsMissing, harness.Timeline);
    }

    [Fact]
    public void A_fee_paid_before_the_first_check_counts_in_it_and_nobody_is_told_anything_is_missing()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        harness.Receive(harness.FeePaid());
        Assert.Equal(FeeStatus.Paid, harness.State.Fee);
        Assert.Equal(Stage.Admissibility, harness.State.Stage); // the check decides, not the payment

        harness.Gathered();
        Transition admissible = harness.Checked();

        Assert.Equal(Stage.Assessment, harness.State.Stage);
        Assert.Empty(harness.Transitions.SelectMany(t => t.Effects.Notifications));
        Assert.False(harness.State.SlaClock().IsPaused);
        Assert.Empty(harness.State.Sla.Pauses);
        FederalOutboundMessage handoff = Assert.Single(admissible.Effects.FederalMessages);
        Assert.Equal((FederalOutboundKind.Handoff, $"{harness.Id}-h1"), (handoff.Kind, handoff.HandoffId));
        Assert.Equal(FederalLegStatus.HandedOff, harness.State.Federal.Status);
        Assert.Equal(harness.Now, harness.State.CompleteAt);
        Assert.Equal([CaseWork.Assess], harness.State.PendingWork);
        Assert.Equal([CaseEvents.Admissible, CaseEvents.FederalHandoffSent], admissible.Effects.Steps.Select(s => s.Event));
    }

    [Fact]
    public void Documents_that_complete_the_file_are_checked_again_and_the_clock_resumes_when_they_did()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard);
        harness.Gathered();
        harness.Checked(missing: [DocumentTypes.EmploymentContract]);
        DateTimeOffset pausedAt = harness.Now;

        harness.After(3);
        DateTimeOffset suppliedAt = harness.Now;
        harness.Receive(harness.Documents(DocumentTypes.EmploymentContract));
        Assert.Equal([CaseWork.CheckAdmissibility], harness.State.PendingWork);
        Assert.Equal(Stage.AwaitingApplicant, harness.State.Stage);

        harness.After(0.5); // the check takes its time: the pause still ends when the documents came in
        harness.Checked();
        Assert.Equal(Stage.Assessment, harness.State.Stage);
        var pause = Assert.Single(harness.State.Sla.Pauses);
        Assert.Equal((pausedAt, suppliedAt), (pause.Start, pause.End!.Value));
        Assert.Equal(suppliedAt, harness.State.CompleteAt);
        Assert.Equal(harness.State.Sla.Start.AddDays(30 + 3), harness.State.SlaClock().DueAsOf(harness.Now));
        Assert.Null(harness.State.ApplicantDeadline);
    }

    [Fact]
    public void Documents_arriving_before_a_waiting_check_ran_are_covered_by_that_one_check()
    {
        // The workflow applies arrived messages before it does waiting work, so the one check sees these documents.
        var harness = CaseHarness.Start(PermitCategory.WorkCard);
        harness.Gathered();
        harness.Receive(harness.Documents(DocumentTypes.Passport));
        Assert.Equal([CaseWork.CheckAdmissibility], harness.State.PendingWork); // asked once, not twice

        harness.Checked();
        Assert.Equal(Stage.Assessment, harness.State.Stage);
        Assert.Empty(harness.Transitions.SelectMany(t => t.Effects.Notifications));
    }

    [Fact]
    public void A_file_still_incomplete_at_the_deadline_is_inadmissible_as_incomplete()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        harness.Gathered();
        harness.Checked(missing: [DocumentTypes.Diploma]);

        Assert.Equal(harness.State.ApplicantDeadline, PermitCaseModel.NextWakeUp(harness.State, harness.Now));
        harness.WakeUp();

        Assert.Equal(Stage.Deciding, harness.State.Stage);
        Assert.Equal(Outcome.Inadmissible, harness.State.Outcome);
        Assert.Equal([DecisionGrounds.Incomplete.Code], harness.State.Grounds);
        Assert.Contains(CaseEvents.CompletionDeadlinePassed, harness.Timeline);
        Assert.Equal([CaseWork.IssueLetter], harness.State.PendingWork);
        Assert.True(harness.State.SlaClock().IsStopped);
    }

    [Fact]
    public void A_file_lacking_only_the_fee_at_the_deadline_is_inadmissible_for_the_unpaid_fee()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        harness.Gathered();
        harness.Checked();
        harness.WakeUp();

        Assert.Equal(Outcome.Inadmissible, harness.State.Outcome);
        Assert.Equal([DecisionGrounds.FeeUnpaid.Code], harness.State.Grounds);
    }

    [Fact]
    public void An_excluded_director_makes_the_application_inadmissible_at_once_on_the_directors_ground()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled);
        harness.Gathered();
        Transition excluded = harness.Checked(excluded: [ExcludedParty.Director]);

        Assert.Equal(Outcome.Inadmissible, harness.State.Outcome);
        Assert.Equal([DecisionGrounds.DirectorExcluded.Code], harness.State.Grounds); // not "the employer is excluded" (§2.1)
        Assert.Equal([CaseEvents.ExcludedParty, CaseEvents.Decided], excluded.Effects.Steps.Select(s => s.Event));
        Assert.Equal("director", excluded.Effects.Steps[0].Details["parties"]);
        Assert.Empty(excluded.Effects.FederalMessages); // the federal leg never started
    }

    [Theory]
    [InlineData(new[] { ExcludedParty.Employer }, new[] { "employer-excluded" })]
    [InlineData(new[] { ExcludedParty.Employer, ExcludedParty.Director }, new[] { "employer-excluded", "director-excluded" })]
    public void The_grounds_name_each_kind_of_party_excluded(ExcludedParty[] parties, string[] grounds)
    {
        var harness = CaseHarness.Start(PermitCategory.Other);
        harness.Gathered();
        harness.Checked(excluded: parties);

        Assert.Equal(grounds, harness.State.Grounds);
    }

    [Fact]
    public void A_function_the_note_excludes_outright_is_inadmissible_on_receipt_owes_no_fee_and_never_reaches_the_federal_office()
    {
        PermitTerms terms = PolicyCatalog.Embedded.Resolve(PermitCategory.Other, CaseHarness.Submitted, inPeakPeriod: false).ForExcludedFunction();
        var harness = CaseHarness.Start(PermitCategory.Other, terms: terms, functionExcluded: true);

        Assert.Equal(Outcome.Inadmissible, harness.State.Outcome);
        Assert.Equal([DecisionGrounds.FunctionExcluded.Code], harness.State.Grounds);
        Assert.Equal([CaseEvents.Received, CaseEvents.FunctionExcluded, CaseEvents.Decided], harness.Timeline);
        Assert.Equal([CaseWork.IssueLetter], harness.State.PendingWork); // no sources read, no admissibility check
        Assert.Equal(FeeStatus.NotDue, harness.State.Fee);
        Assert.Empty(harness.Last.Effects.FederalMessages);
        Assert.Empty(harness.Last.Effects.Notifications); // nothing missing to tell: the letter says it all

        harness.LetterIssued();
        Assert.Equal(Stage.Closed, harness.State.Stage);
        Assert.Equal(FederalLegStatus.NotStarted, harness.State.Federal.Status);
    }

    [Fact]
    public void Correctness_issues_are_recorded_for_the_caseworker_and_block_nothing()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard);
        harness.Gathered();
        Transition checkedOk = harness.Checked(issues: ["employer-name-differs-from-kbo"]);

        Assert.Equal(Stage.Assessment, harness.State.Stage);
        Assert.Equal("employer-name-differs-from-kbo", checkedOk.Effects.Steps.Single(s => s.Event == CaseEvents.CorrectnessIssues).Details["issues"]);
    }

    [Fact]
    public void Audit_keys_are_unique_and_name_each_event_with_its_occurrence()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        harness.Decide(CaseworkerVerdict.Approve);

        CaseStep[] steps = [.. harness.Transitions.SelectMany(t => t.Effects.Steps)];
        Assert.Equal(steps.Length, steps.Select(s => s.Key).Distinct().Count());
        Assert.All(steps, s => Assert.Equal($"wf-{s.Event}-{steps.TakeWhile(o => o != s).Count(o => o.Event == s.Event) + 1}", s.Key));
        Assert.Equal(steps.Length, harness.State.Steps);
    }

    [Fact]
    public void The_same_step_has_the_same_key_whichever_message_was_handled_first()
    {
        // After a crash the engine may hand the retried episode another message first than the lost one took: the
        // caseworker's decision then comes after the federal office's, and must still be the same record.
        var federalFirst = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        federalFirst.Federal(FederalVerdict.Approved);
        federalFirst.Decide(CaseworkerVerdict.Approve);

        var caseworkerFirst = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        caseworkerFirst.Decide(CaseworkerVerdict.Approve);
        caseworkerFirst.Federal(FederalVerdict.Approved);

        Assert.Equal(KeyOf(federalFirst, CaseEvents.CaseworkerDecided), KeyOf(caseworkerFirst, CaseEvents.CaseworkerDecided));
        Assert.Equal(KeyOf(federalFirst, CaseEvents.Decided), KeyOf(caseworkerFirst, CaseEvents.Decided));
        Assert.Equal(KeyOf(federalFirst, CaseEvents.FederalDecided), KeyOf(caseworkerFirst, CaseEvents.FederalDecided));
    }

    [Fact]
    public void A_case_of_workflow_2_0_keeps_numbering_its_steps_by_place()
    {
        // A restart runs it again from its submission on 2.0: it must meet the keys its first run wrote.
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled, version: "2.0").Complete();

        Assert.Equal(
            [.. Enumerable.Range(1, harness.State.Steps).Select(n => $"wf-{n:D4}-")],
            harness.Transitions.SelectMany(t => t.Effects.Steps).Select(s => s.Key[..8]));
    }

    static string KeyOf(CaseHarness harness, string eventCode) =>
        Assert.Single(harness.Transitions.SelectMany(t => t.Effects.Steps), s => s.Event == eventCode).Key;

    [Fact]
    public void The_revision_grows_exactly_when_the_state_changes()
    {
        var harness = CaseHarness.Start(PermitCategory.WorkCard);
        int revision = harness.State.Revision;
        harness.Gathered(); // asks for the check: a change
        Assert.Equal(revision + 1, harness.State.Revision);

        Transition quiet = harness.Time(); // nothing falls due
        Assert.False(quiet.StateChanged);
        Assert.True(quiet.IsQuiet);
        Assert.Equal(revision + 1, harness.State.Revision);
    }
}
