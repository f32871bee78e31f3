using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Register;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.UnitTests.Withdrawals;

/// <summary>
/// The withdrawal model's transitions (§2.1), without the engine: the hearing opens with an invitation and a deadline,
/// the reminder falls before it, the employer's answer or the deadline ends it, the caseworker decides only then, and a
/// withdrawal tells the employer, the worker and the federal office, withdraws the register entry (dated) and asks for
/// the exclusions; a kept authorisation leaves the register as it was. At one hour per policy day.
/// </summary>
public sealed class WithdrawalModelTests
{
    const string Id = "wd-0123456789abcdef01234567";
    const string Grant = "wp-grant";

    static readonly TimeSpan Day = TimeSpan.FromHours(1);

    static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static readonly WithdrawalTerms Terms = new("withdrawal-test", HearingDays: 15, ReminderDaysBefore: 5, ExclusionMonths: 24);

    static WithdrawalInput Input(PermitCategory category = PermitCategory.HighlySkilled, WithdrawalTerms? terms = null) =>
        new(Id, Grant, category, DecisionGrounds.EconomicHub.Code, terms ?? Terms, Day);

    /// <summary>Real time <paramref name="policyDays"/> policy days after the start.</summary>
    static DateTimeOffset At(double policyDays) => Start + (Day * policyDays);

    /// <summary>The invitation as the letter activity reports it: written <paramref name="writtenAt"/> policy days after the start, naming the last moment 15 days later.</summary>
    static LetterWritten Invitation(string reference = "dossiers/wp-grant/letters/invitation", double writtenAt = 0) =>
        new(WithdrawalLetterKind.HearingInvitation, reference, Start + TimeSpan.FromDays(writtenAt + 15));

    /// <summary>A withdrawal whose invitation went out at the start: the hearing is open.</summary>
    static WithdrawalCase Invited(PermitCategory category = PermitCategory.HighlySkilled)
    {
        WithdrawalCase started = WithdrawalModel.Start(Input(category), Start).State;
        return WithdrawalModel.Apply(started, Invitation(), Start).State;
    }

    static WithdrawalCase Answered() =>
        WithdrawalModel.Apply(Invited(), new MessageArrived(new HearingAnswered("hearing-response:R-1", "R-1")), At(3)).State;

    static WithdrawalDecided Withdraw(string ground = "economic-hub") => new("decision:D-1", "D-1", WithdrawalVerdict.Withdraw, ground);

    [Fact]
    public void A_new_withdrawal_marks_the_register_and_asks_for_the_hearing_invitation_first()
    {
        WithdrawalTransition started = WithdrawalModel.Start(Input(), Start);

        Assert.True(started.StateChanged);
        Assert.Equal(WithdrawalStage.Hearing, started.State.Stage);
        Assert.Equal([WithdrawalWork.IssueHearingInvitation], started.State.PendingWork);
        Assert.Equal(new RegisterMark(Id, WithdrawalMark.UnderWay), started.Effects.Register);
        Assert.Null(started.State.HearingDeadline); // the invitation names it when it is written
        Assert.Null(started.State.ReminderAt);
        Assert.Empty(started.Effects.Notifications);
        Assert.Equal("withdrawal-started", Assert.Single(started.Effects.Steps).Event);
        Assert.Null(WithdrawalModel.NextMoment(started.State)); // no timer before the employer is invited
        Refusal early = WithdrawalModel.Admits(started.State, Withdraw())!;
        Assert.Equal("hearing-open", early.Code);
        Assert.Contains("about to be invited", early.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_invitation_goes_to_the_employer_with_its_letter_and_the_deadline_and_the_reminder_is_the_next_moment()
    {
        WithdrawalCase started = WithdrawalModel.Start(Input(), Start).State;
        WithdrawalTransition invited = WithdrawalModel.Apply(started, Invitation("letter-ref"), Start);

        PartyNotification invitation = Assert.Single(invited.Effects.Notifications);
        Assert.Equal((Party.Employer, NotificationKind.HearingInvitation, "letter-ref"), (invitation.Party, invitation.Kind, invitation.LetterReference));
        Assert.Equal(invited.State.HearingDeadline, invitation.Deadline);
        Assert.Equal(Grant, invitation.ApplicationId);
        Assert.Equal([Id, DecisionGrounds.EconomicHub.Code], invitation.Items);
        Assert.Empty(invited.State.PendingWork);
        Assert.Equal(Start + TimeSpan.FromDays(15), invited.State.HearingDeadline);
        Assert.Equal(Start + TimeSpan.FromDays(10), invited.State.ReminderAt);
        Assert.Equal(At(10), WithdrawalModel.NextMoment(invited.State));
    }

    [Fact]
    public void A_slow_invitation_does_not_shorten_the_hearing_its_deadline_and_reminder_run_from_the_letter()
    {
        // The letter took longer than the whole term would have lasted from the finding: the employer still gets all 15 days.
        WithdrawalCase started = WithdrawalModel.Start(Input(), Start).State;
        WithdrawalCase invited = WithdrawalModel.Apply(started, Invitation(writtenAt: 16), At(16)).State;

        Assert.Equal(Start + TimeSpan.FromDays(31), invited.HearingDeadline);
        Assert.Equal(At(26), WithdrawalModel.NextMoment(invited));
        Assert.True(WithdrawalModel.Apply(invited, MomentReached.Instance, At(17)).IsQuiet);

        WithdrawalTransition reminded = WithdrawalModel.Apply(invited, MomentReached.Instance, At(26));
        Assert.Equal(NotificationKind.HearingReminder, Assert.Single(reminded.Effects.Notifications).Kind);
        Assert.Equal(WithdrawalStage.Hearing, reminded.State.Stage);
        Assert.Equal(At(31), WithdrawalModel.NextMoment(reminded.State));
    }

    [Fact]
    public void A_reminder_whose_moment_passed_unseen_is_recorded_as_missed_when_the_deadline_ends_the_hearing()
    {
        // The workflow was down from before the reminder's moment until after the deadline.
        WithdrawalTransition ended = WithdrawalModel.Apply(Invited(), MomentReached.Instance, At(15.5));

        Assert.Equal(["hearing-reminder-missed", "hearing-deadline-passed"], ended.Effects.Steps.Select(s => s.Event));
        Assert.Empty(ended.Effects.Notifications); // a reminder after the deadline is of no use
        Assert.Equal(HearingEnd.DeadlinePassed, ended.State.HearingEnd);
    }

    [Fact]
    public void The_reminder_goes_out_once_before_the_deadline_and_then_the_deadline_is_awaited()
    {
        WithdrawalCase invited = Invited();
        Assert.True(WithdrawalModel.Apply(invited, MomentReached.Instance, At(9.9)).IsQuiet); // early: nothing happens

        WithdrawalTransition reminded = WithdrawalModel.Apply(invited, MomentReached.Instance, At(10));
        PartyNotification reminder = Assert.Single(reminded.Effects.Notifications);
        Assert.Equal(NotificationKind.HearingReminder, reminder.Kind);
        Assert.Equal(invited.HearingDeadline, reminder.Deadline);
        Assert.Equal(WithdrawalStage.Hearing, reminded.State.Stage);
        Assert.Equal(At(15), WithdrawalModel.NextMoment(reminded.State));

        Assert.Empty(WithdrawalModel.Apply(reminded.State, MomentReached.Instance, At(11)).Effects.Notifications);
    }

    [Fact]
    public void The_deadline_ends_the_hearing_without_an_answer_and_the_decision_becomes_possible()
    {
        WithdrawalCase invited = Invited();
        Assert.NotNull(WithdrawalModel.Admits(invited, Withdraw())); // the hearing is open

        WithdrawalTransition ended = WithdrawalModel.Apply(invited, MomentReached.Instance, At(15.5));

        Assert.Equal(WithdrawalStage.AwaitingDecision, ended.State.Stage);
        Assert.Equal(HearingEnd.DeadlinePassed, ended.State.HearingEnd);
        Assert.Empty(ended.Effects.Notifications); // no reminder once the deadline has passed
        Assert.Null(WithdrawalModel.NextMoment(ended.State));
        Assert.Null(WithdrawalModel.Admits(ended.State, Withdraw()));
        Assert.Equal("hearing-over", WithdrawalModel.Admits(ended.State, new HearingAnswered("hearing-response:R-9", "R-9"))!.Code);
    }

    [Fact]
    public void The_employers_answer_ends_the_hearing_before_its_deadline()
    {
        WithdrawalTransition answered = WithdrawalModel.Apply(Invited(), new MessageArrived(new HearingAnswered("hearing-response:R-1", "R-1")), At(3));

        Assert.Equal(WithdrawalStage.AwaitingDecision, answered.State.Stage);
        Assert.Equal(HearingEnd.Answered, answered.State.HearingEnd);
        Assert.Equal("R-1", answered.State.ResponseId);
        Assert.Equal(new CommandSettlement("hearing-response:R-1", CommandFate.Accepted), Assert.Single(answered.Effects.Settlements));
        Assert.Null(WithdrawalModel.NextMoment(answered.State)); // no reminder, no deadline any more
        Assert.Equal("answered", WithdrawalModel.Admits(answered.State, new HearingAnswered("hearing-response:R-2", "R-2"))!.Code);
    }

    [Fact]
    public void A_decision_during_the_hearing_is_rejected_with_the_reason_and_changes_nothing()
    {
        WithdrawalCase invited = Invited();
        Refusal refusal = WithdrawalModel.Admits(invited, Withdraw())!;
        Assert.Equal("hearing-open", refusal.Code);
        Assert.Contains(PolicyCatalog.BelgianDate(invited.HearingDeadline!.Value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), refusal.Reason, StringComparison.Ordinal);

        WithdrawalTransition rejected = WithdrawalModel.Apply(invited, new MessageArrived(Withdraw()), At(2));
        Assert.Equal(WithdrawalStage.Hearing, rejected.State.Stage);
        Assert.False(rejected.StateChanged);
        Assert.Equal(CommandFate.Rejected, Assert.Single(rejected.Effects.Settlements).Fate);
        Assert.Null(rejected.Effects.Register);

        // Before the workflow recorded anything, a decision is refused too, and an answer is taken.
        Assert.Equal("hearing-open", WithdrawalModel.Admits(null, Withdraw())!.Code);
        Assert.Null(WithdrawalModel.Admits(null, new HearingAnswered("hearing-response:R-1", "R-1")));
    }

    [Fact]
    public void Only_a_section_2_1_withdrawal_ground_is_admitted()
    {
        Assert.Equal(["economic-hub", "non-eu-workforce-only", "false-documents"], WithdrawalModel.Grounds.Select(g => g.Code));
        Assert.All(WithdrawalModel.Grounds, g => Assert.Equal("§2.1", g.Section));
        Refusal refusal = WithdrawalModel.Admits(Answered(), Withdraw(DecisionGrounds.ConditionsNotMet.Code))!;
        Assert.True(refusal.Unfit);
    }

    [Fact]
    public void A_withdrawal_decision_asks_for_the_letter_and_the_exclusions_and_closes_once_both_are_done()
    {
        WithdrawalTransition decided = WithdrawalModel.Apply(Answered(), new MessageArrived(Withdraw("false-documents")), At(4));
        Assert.Equal(WithdrawalStage.Deciding, decided.State.Stage);
        Assert.Equal([WithdrawalWork.IssueDecisionLetter, WithdrawalWork.ProposeExclusions], decided.State.PendingWork);
        Assert.Equal(WithdrawalVerdict.Withdraw, decided.State.Verdict);
        Assert.Equal("false-documents", decided.State.DecisionGround);
        Assert.Equal(At(4), decided.State.DecidedAtReal);
        Assert.Empty(decided.Effects.Notifications);
        Assert.Empty(decided.Effects.FederalMessages);

        WithdrawalTransition informed = WithdrawalModel.Apply(decided.State, new LetterWritten(WithdrawalLetterKind.WithdrawalDecision, "decision-ref"), At(4));
        Assert.Equal(
            [(Party.Employer, NotificationKind.WithdrawalDecision, "decision-ref"), (Party.Worker, NotificationKind.WithdrawalDecision, (string?)null)],
            informed.Effects.Notifications.Select(n => (n.Party, n.Kind, n.LetterReference)));
        FederalOutboundMessage federal = Assert.Single(informed.Effects.FederalMessages);
        Assert.Equal((FederalOutboundKind.Withdrawal, Grant, Id, $"{Id}:withdrawal"), (federal.Kind, federal.ApplicationId, federal.HandoffId, federal.MessageId));
        DateOnly decidedOn = PolicyCatalog.BelgianDate(decided.State.DecidedAt!.Value);
        Assert.Equal(new RegisterMark(Id, WithdrawalMark.Withdrawn, decidedOn), informed.Effects.Register);
        Assert.False(informed.State.IsClosed); // the exclusions are still to be proposed

        WithdrawalTransition closed = WithdrawalModel.Apply(informed.State, new ExclusionsProposed([$"{Id}-employer", $"{Id}-director-abc"]), At(4));
        Assert.True(closed.State.IsClosed);
        Assert.Equal(WithdrawalStage.Withdrawn, closed.State.Stage);
        Assert.Equal(["exclusions-proposed", "withdrawn"], closed.Effects.Steps.Select(s => s.Event));
        Assert.Equal(WithdrawalStage.Withdrawn, WithdrawalModel.Result(closed.State).Stage);
        Assert.Equal([$"{Id}-employer", $"{Id}-director-abc"], WithdrawalModel.Result(closed.State).ExclusionIds);

        // Decided: a second decision is rejected.
        Assert.Equal("decided", WithdrawalModel.Admits(closed.State, new WithdrawalDecided("decision:D-2", "D-2", WithdrawalVerdict.Keep, null))!.Code);
    }

    [Fact]
    public void Keeping_the_authorisation_ends_the_withdrawal_tells_the_employer_and_lifts_the_mark()
    {
        WithdrawalTransition kept = WithdrawalModel.Apply(Answered(), new MessageArrived(new WithdrawalDecided("decision:D-1", "D-1", WithdrawalVerdict.Keep, null)), At(5));

        Assert.True(kept.State.IsClosed);
        Assert.Equal(WithdrawalStage.Kept, kept.State.Stage);
        Assert.Equal(new RegisterMark(Id, WithdrawalMark.Kept), kept.Effects.Register);
        Assert.Equal(NotificationKind.AuthorisationKept, Assert.Single(kept.Effects.Notifications).Kind);
        Assert.Empty(kept.Effects.FederalMessages);
        Assert.Empty(kept.State.PendingWork);
    }

    [Fact]
    public void A_message_raised_again_is_acted_on_once()
    {
        var answer = new MessageArrived(new HearingAnswered("hearing-response:R-1", "R-1"));
        WithdrawalCase answered = WithdrawalModel.Apply(Invited(), answer, At(3)).State;

        Assert.True(WithdrawalModel.Apply(answered, answer, At(3.5)).IsQuiet);
    }

    [Fact]
    public void A_self_employed_applicant_is_told_once_as_the_worker()
    {
        WithdrawalCase started = WithdrawalModel.Start(Input(PermitCategory.ProfessionalCard), Start).State;
        WithdrawalCase invited = WithdrawalModel.Apply(started, Invitation("ref"), Start).State;
        WithdrawalCase ended = WithdrawalModel.Apply(invited, MomentReached.Instance, At(16)).State;
        WithdrawalCase decided = WithdrawalModel.Apply(ended, new MessageArrived(Withdraw()), At(16)).State;
        WithdrawalTransition informed = WithdrawalModel.Apply(decided, new LetterWritten(WithdrawalLetterKind.WithdrawalDecision, "d"), At(16));

        Assert.Equal(Party.Worker, Assert.Single(informed.Effects.Notifications).Party);
    }

    [Fact]
    public void Without_a_reminder_term_the_deadline_is_the_only_moment()
    {
        WithdrawalCase started = WithdrawalModel.Start(Input(terms: Terms with { ReminderDaysBefore = 0 }), Start).State;
        WithdrawalCase invited = WithdrawalModel.Apply(started, Invitation("ref"), Start).State;

        Assert.Null(invited.ReminderAt);
        Assert.Equal(At(15), WithdrawalModel.NextMoment(invited));
    }

    [Fact]
    public void The_policy_data_holds_labelled_placeholder_terms_for_withdrawals()
    {
        WithdrawalTerms terms = PolicyCatalog.Embedded.WithdrawalTermsOn(new DateOnly(2026, 3, 2))!;
        WithdrawalTermsEntry entry = Assert.Single(PolicyCatalog.Embedded.Data.Withdrawals!);

        Assert.Equal((entry.Id, entry.HearingDays, entry.ReminderDaysBefore, entry.ExclusionMonths), (terms.TermsId, terms.HearingDays, terms.ReminderDaysBefore, terms.ExclusionMonths));
        Assert.StartsWith("placeholder", entry.Source, StringComparison.Ordinal);
        Assert.InRange(terms.ReminderDaysBefore, 1, terms.HearingDays - 1);
    }
}
