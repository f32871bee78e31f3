using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.UnitTests.Recognition;

/// <summary>
/// The recognition follow-up (§2.6) transition by transition, without the engine: its terms (60 days from the grant,
/// 120 once extended, the care visa's from the recognition), the reminder before each due date and the escalation after
/// it (each once, keyed per application and milestone), the stages and their refusals, and the outcomes it will not take.
/// </summary>
public class RecognitionFollowUpModelTests
{
    const string ApplicationId = "wp-abcdefghijklmnopqrstuvwxyz";
    static readonly DateTimeOffset Grant = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    static readonly RecognitionTerms Terms = new("terms-1", RecognitionDays: 60, ExtendedRecognitionDays: 120, CareVisaDays: 45, ReminderDaysBefore: 10, EscalationDaysAfter: 0);

    static DateTimeOffset Day(double days) => Grant.AddDays(days);

    static RecognitionTransition Started() =>
        RecognitionFollowUpModel.Start(new RecognitionFollowUpInput(ApplicationId, PermitCategory.HighlySkilled, Grant, TimeSpan.FromSeconds(1), Terms));

    static RecognitionOutcome Outcome(RecognitionOutcomeKind kind, string id = "c1") =>
        new($"{RecognitionEvents.CommandKindOf(kind)}:{id}", kind, "caseworker", Grant);

    [Fact]
    public void A_grant_starts_awaiting_recognition_due_60_days_later_with_its_reminder_and_escalation_planned()
    {
        RecognitionTransition start = Started();
        RecognitionFollowUpCase state = start.State;
        Assert.Equal(RecognitionStage.AwaitingRecognition, state.Stage);
        Assert.Equal(Day(60), state.DueAt);
        Assert.Equal(60, state.TermDays);
        Assert.True(start.StateChanged);
        Assert.Empty(start.Alerts);
        CaseStepAssert(start, RecognitionEvents.Started, ("stage", "awaiting-recognition"), ("termDays", "60"), ("terms", "terms-1"));
        Assert.Equal(
            [
                new Orchestrations.Sla.PlannedMilestone(MilestoneKind.RecognitionReminder, AlertAudience.Caseworker, Day(50)),
                new Orchestrations.Sla.PlannedMilestone(MilestoneKind.RecognitionOverdue, AlertAudience.Managers, Day(60)),
            ],
            RecognitionFollowUpModel.Plan(state));
        Assert.Equal(Day(50), RecognitionFollowUpModel.NextWakeUp(state));
        Assert.False(state.IsOverdue(Day(60)));
        Assert.True(state.IsOverdue(Day(60.01)));
    }

    [Fact]
    public void The_reminder_fires_before_the_due_date_then_the_escalation_to_managers_once_it_passes_each_once()
    {
        RecognitionFollowUpCase state = Started().State;
        Assert.True(RecognitionFollowUpModel.Tick(state, Day(49.9)).IsQuiet);

        RecognitionTransition reminder = RecognitionFollowUpModel.Tick(state, Day(50));
        SlaAlert alert = Assert.Single(reminder.Alerts);
        Assert.Equal((MilestoneKind.RecognitionReminder, AlertAudience.Caseworker, Day(50), Day(60)), (alert.Milestone, alert.Audience, alert.MilestoneAt, alert.DueAt));
        Assert.Equal($"{ApplicationId}:recognition-reminder", alert.IdempotencyKey);
        Assert.Equal(state.Revision + 1, reminder.State.Revision);
        Assert.Equal(Day(60), RecognitionFollowUpModel.NextWakeUp(reminder.State));
        Assert.True(RecognitionFollowUpModel.Tick(reminder.State, Day(55)).IsQuiet); // fired once

        RecognitionTransition overdue = RecognitionFollowUpModel.Tick(reminder.State, Day(61));
        SlaAlert escalation = Assert.Single(overdue.Alerts);
        Assert.Equal((MilestoneKind.RecognitionOverdue, AlertAudience.Managers), (escalation.Milestone, escalation.Audience));
        Assert.Null(RecognitionFollowUpModel.NextWakeUp(overdue.State)); // nothing more to wait for but an outcome
        Assert.True(RecognitionFollowUpModel.Tick(overdue.State, Day(100)).IsQuiet);
    }

    [Fact]
    public void Time_that_passed_both_moments_at_once_fires_both_in_order()
    {
        RecognitionTransition late = RecognitionFollowUpModel.Tick(Started().State, Day(70));
        Assert.Equal([MilestoneKind.RecognitionReminder, MilestoneKind.RecognitionOverdue], late.Alerts.Select(a => a.Milestone));
        Assert.Equal(Started().State.Revision + 1, late.State.Revision);

        // One record, one moment: the log keeps the steps' order, although the overdue step's key sorts before the reminder's.
        IReadOnlyList<AuditEntry> entries = CaseStep.AuditEntries(ApplicationId, Day(70), late.Steps);
        Assert.True(string.CompareOrdinal(entries[1].Key, entries[0].Key) < 0);
        Assert.Equal(
            ["milestone-recognition-reminder", "milestone-recognition-overdue"],
            AuditEntry.InLogOrder(entries).Select(e => e.Event));
    }

    [Fact]
    public void Extending_the_term_moves_the_due_date_to_120_days_with_its_own_reminder_and_escalation()
    {
        RecognitionFollowUpCase overdue = RecognitionFollowUpModel.Tick(Started().State, Day(61)).State;
        RecognitionTransition extended = RecognitionFollowUpModel.Apply(overdue, Outcome(RecognitionOutcomeKind.TermExtended), Day(62));
        Assert.True(extended.State.TermExtended);
        Assert.Equal(Day(120), extended.State.DueAt);
        Assert.Equal(RecognitionStage.AwaitingRecognition, extended.State.Stage);
        Assert.False(extended.State.IsOverdue(Day(62)));
        Assert.Equal(new CommandSettlement("naric-outcome:c1", CommandFate.Accepted), Assert.Single(extended.Settlements));
        CaseStepAssert(extended, RecognitionEvents.TermExtended, ("dueAt", Day(120).ToString("O", System.Globalization.CultureInfo.InvariantCulture)), ("termDays", "120"));
        Assert.Equal(Day(110), RecognitionFollowUpModel.NextWakeUp(extended.State));
        Assert.Equal(
            [MilestoneKind.ExtendedRecognitionReminder, MilestoneKind.ExtendedRecognitionOverdue],
            RecognitionFollowUpModel.Tick(extended.State, Day(121)).Alerts.Select(a => a.Milestone));

        // Once only: a second extension is refused, by the API and by the workflow.
        Assert.Contains("extended once", RecognitionFollowUpModel.Admits(extended.State, RecognitionOutcomeKind.TermExtended), StringComparison.Ordinal);
        RecognitionTransition again = RecognitionFollowUpModel.Apply(extended.State, Outcome(RecognitionOutcomeKind.TermExtended, "c2"), Day(63));
        Assert.Equal(CommandFate.Rejected, Assert.Single(again.Settlements).Fate);
        Assert.Equal(Day(120), again.State.DueAt);
        CaseStepAssert(again, RecognitionEvents.OutcomeRejected, ("outcome", "term-extended"));
    }

    [Fact]
    public void Recognised_the_care_visa_is_awaited_due_its_term_after_the_recognition_then_granted_it_is_done()
    {
        RecognitionTransition recognised = RecognitionFollowUpModel.Apply(Started().State, Outcome(RecognitionOutcomeKind.Recognised), Day(30));
        RecognitionFollowUpCase visa = recognised.State;
        Assert.Equal(RecognitionStage.AwaitingCareVisa, visa.Stage);
        Assert.Equal(Day(30), visa.RecognisedAt);
        Assert.Equal(Day(75), visa.DueAt);
        Assert.Equal(Day(65), RecognitionFollowUpModel.NextWakeUp(visa));
        Assert.Equal([MilestoneKind.CareVisaReminder, MilestoneKind.CareVisaOverdue], RecognitionFollowUpModel.Tick(visa, Day(80)).Alerts.Select(a => a.Milestone));

        RecognitionTransition done = RecognitionFollowUpModel.Apply(visa, Outcome(RecognitionOutcomeKind.CareVisaGranted), Day(40));
        Assert.Equal(RecognitionStage.Done, done.State.Stage);
        Assert.True(done.State.IsClosed);
        Assert.Equal(Day(40), done.State.ClosedAt);
        Assert.Null(done.State.DueAt);
        Assert.Null(RecognitionFollowUpModel.NextWakeUp(done.State));
        CaseStepAssert(done, RecognitionEvents.CareVisaGranted, ("stage", "done"));
    }

    [Theory]
    [InlineData(RecognitionOutcomeKind.RecognitionRefused, RecognitionStage.RecognitionRefused)]
    [InlineData(RecognitionOutcomeKind.CareVisaRefused, RecognitionStage.CareVisaRefused)]
    public void A_refusal_closes_the_follow_up_recorded_and_nothing_more_is_taken(RecognitionOutcomeKind refusal, RecognitionStage closed)
    {
        RecognitionFollowUpCase state = Started().State;
        if (refusal == RecognitionOutcomeKind.CareVisaRefused)
        {
            state = RecognitionFollowUpModel.Apply(state, Outcome(RecognitionOutcomeKind.Recognised, "r"), Day(10)).State;
        }

        RecognitionTransition refused = RecognitionFollowUpModel.Apply(state, Outcome(refusal), Day(20));
        Assert.Equal(closed, refused.State.Stage);
        Assert.True(refused.State.IsClosed);
        Assert.Empty(RecognitionFollowUpModel.Plan(refused.State));
        foreach (RecognitionOutcomeKind kind in Enum.GetValues<RecognitionOutcomeKind>())
        {
            Assert.Contains("closed", RecognitionFollowUpModel.Admits(refused.State, kind), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(RecognitionOutcomeKind.CareVisaGranted)]
    [InlineData(RecognitionOutcomeKind.CareVisaRefused)]
    public void The_visa_is_not_taken_while_the_recognition_is_awaited(RecognitionOutcomeKind visa)
    {
        RecognitionFollowUpCase state = Started().State;
        Assert.Contains("once NARIC recognised", RecognitionFollowUpModel.Admits(state, visa), StringComparison.Ordinal);
        RecognitionTransition rejected = RecognitionFollowUpModel.Apply(state, Outcome(visa), Day(1));
        Assert.Equal(RecognitionStage.AwaitingRecognition, rejected.State.Stage);
        Assert.Equal(CommandFate.Rejected, Assert.Single(rejected.Settlements).Fate);
    }

    [Theory]
    [InlineData(RecognitionOutcomeKind.Recognised)]
    [InlineData(RecognitionOutcomeKind.RecognitionRefused)]
    [InlineData(RecognitionOutcomeKind.TermExtended)]
    public void NARIC_outcomes_are_not_taken_once_the_visa_is_awaited(RecognitionOutcomeKind naric)
    {
        RecognitionFollowUpCase visa = RecognitionFollowUpModel.Apply(Started().State, Outcome(RecognitionOutcomeKind.Recognised), Day(5)).State;
        Assert.Contains("while the recognition is awaited", RecognitionFollowUpModel.Admits(visa, naric), StringComparison.Ordinal);
    }

    [Fact]
    public void A_redelivered_outcome_is_acted_on_once()
    {
        RecognitionTransition first = RecognitionFollowUpModel.Apply(Started().State, Outcome(RecognitionOutcomeKind.Recognised), Day(5));
        RecognitionTransition again = RecognitionFollowUpModel.Apply(first.State, Outcome(RecognitionOutcomeKind.Recognised), Day(6));
        Assert.True(again.IsQuiet);
        Assert.Same(first.State, again.State);
    }

    [Fact]
    public void The_embedded_policy_data_holds_the_terms_with_their_sources()
    {
        Orchestrations.Policy.RecognitionPolicy policy = Orchestrations.Policy.RecognitionPolicy.Embedded;
        RecognitionTerms terms = policy.TermsFor(new DateOnly(2026, 11, 30))!;
        Assert.Equal((60, 120), (terms.RecognitionDays, terms.ExtendedRecognitionDays));
        Orchestrations.Policy.RecognitionTermsEntry entry = Assert.Single(policy.Data.RecognitionFollowUps);
        Assert.StartsWith("addition", entry.Source, StringComparison.Ordinal);
        Assert.StartsWith("interpretation", entry.RecognitionSource, StringComparison.Ordinal);
        Assert.StartsWith("placeholder", entry.CareVisaSource, StringComparison.Ordinal);
        Assert.StartsWith("placeholder", entry.AlertsSource, StringComparison.Ordinal);
        Assert.Null(policy.TermsFor(new DateOnly(2018, 12, 31)));
        Assert.Throws<ArgumentException>(() => new Orchestrations.Policy.RecognitionPolicy(
            new Orchestrations.Policy.RecognitionPolicyData([entry with { ExtendedRecognitionDays = 30 }])));
    }

    [Fact]
    public void The_instance_id_is_derived_from_the_application_id()
    {
        Assert.Equal("rf-abcdefghijklmnopqrstuvwxyz", RecognitionFollowUpIds.For(ApplicationId));
        Assert.Throws<ArgumentException>(() => RecognitionFollowUpIds.For("not-an-application"));
    }

    static void CaseStepAssert(RecognitionTransition transition, string eventCode, params (string Key, string Value)[] details)
    {
        Orchestrations.Cases.CaseStep step = Assert.Single(transition.Steps, s => s.Event == eventCode);
        foreach ((string key, string value) in details)
        {
            Assert.Equal(value, step.Details[key]);
        }
    }
}
