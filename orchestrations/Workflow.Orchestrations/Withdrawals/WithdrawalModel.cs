using System.Globalization;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Register;

namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// The withdrawal of a granted work authorisation after a fraud finding (concept note §2.1) as a pure function:
/// <c>withdrawal + input → withdrawal + effects</c>. The employer is heard first (an invitation citing the ground, a
/// deadline in policy days, a reminder before it); the hearing ends with the employer's answer or the deadline; then the
/// caseworker decides: withdraw, citing a §2.1 ground (the decision letter to the employer and the worker, the federal
/// office told, the register entry withdrawn, exclusions of the employer and its directors proposed), or keep the
/// authorisation. The workflow feeds it and carries out what it returns; the API asks <see cref="Admits"/> whether a
/// command fits the withdrawal as its record shows it.
/// </summary>
public static class WithdrawalModel
{
    /// <summary>The command kind of the employer's answer to the hearing: one per withdrawal.</summary>
    public const string HearingResponseKind = "hearing-response";

    /// <summary>The command kind of the caseworker's decision: one per withdrawal.</summary>
    public const string DecisionKind = "decision";

    /// <summary>How early (in real time) a moment still counts as reached (see <see cref="PermitCaseModel.IsDue"/>).</summary>
    static readonly TimeSpan RealTolerance = TimeSpan.FromMilliseconds(1);

    /// <summary>The grounds the note names for refusing and withdrawing a work authorisation (§2.1).</summary>
    public static IReadOnlyList<DecisionGround> Grounds { get; } =
        [DecisionGrounds.EconomicHub, DecisionGrounds.NonEuWorkforceOnly, DecisionGrounds.FalseDocuments];

    public static bool IsGround(string? code) => code is not null && Grounds.Any(g => g.Code == code);

    /// <summary>The message id of a command's event: <c>{kind}:{command id}</c>.</summary>
    public static string MessageId(string kind, string commandId) => $"{kind}:{commandId}";

    /// <summary>The one withdrawal message a withdrawal sends the federal office: fixed, so a resend is the same message.</summary>
    public static string FederalMessageId(string withdrawalId) => $"{withdrawalId}:withdrawal";

    /// <summary>
    /// A new withdrawal: the register shows it under way, and the hearing invitation is written first. The hearing's
    /// deadline is not set here: the invitation names it, counted from the day it is written (<see cref="Invited"/>).
    /// </summary>
    public static WithdrawalTransition Start(WithdrawalInput input, DateTimeOffset realNow)
    {
        ArgumentNullException.ThrowIfNull(input);
        var initial = new WithdrawalCase
        {
            WithdrawalId = input.WithdrawalId,
            AuthorisationId = input.AuthorisationId,
            Category = input.Category,
            Ground = input.Ground,
            Terms = input.Terms,
            StartedAt = realNow,
            PolicyDayLength = input.PolicyDayLength,
            Stage = WithdrawalStage.Hearing,
            PendingWork = [WithdrawalWork.IssueHearingInvitation],
        };

        var change = new WithdrawalChange(initial, realNow);
        change.Set(c => c); // a new withdrawal: its record learns it
        change.Record(
            "withdrawal-started",
            null,
            ("authorisation", input.AuthorisationId),
            ("ground", input.Ground),
            ("hearingDays", input.Terms.HearingDays.ToString(CultureInfo.InvariantCulture)),
            ("terms", input.Terms.TermsId));
        change.Mark(new RegisterMark(input.WithdrawalId, WithdrawalMark.UnderWay));
        return change.Done();
    }

    /// <summary>Moves the withdrawal on by one input, at <paramref name="realNow"/> (the workflow's replay-safe time).</summary>
    public static WithdrawalTransition Apply(WithdrawalCase state, WithdrawalCaseInput input, DateTimeOffset realNow)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var change = new WithdrawalChange(state, realNow);
        switch (input)
        {
            case MessageArrived arrived:
                Receive(change, arrived.Message);
                break;
            case MomentReached:
                Pass(change);
                break;
            case LetterWritten { Letter: WithdrawalLetterKind.HearingInvitation } letter:
                Invited(change, letter);
                break;
            case LetterWritten letter:
                Informed(change, letter.Reference);
                break;
            case ExclusionsProposed proposed:
                change.Set(c => c with { ExclusionIds = proposed.ExclusionIds, PendingWork = Without(c, WithdrawalWork.ProposeExclusions) });
                change.Record("exclusions-proposed", null, ("exclusions", string.Join(',', proposed.ExclusionIds)));
                CloseWhenDone(change);
                break;
            default:
                throw new ArgumentException($"Unknown input {input.GetType().Name}.", nameof(input));
        }

        return change.Done();
    }

    /// <summary>
    /// Why <paramref name="message"/> does not fit the withdrawal now, or null when it does. <paramref name="state"/> is
    /// null before the workflow first recorded the withdrawal: the hearing is about to open.
    /// </summary>
    public static Refusal? Admits(WithdrawalCase? state, WithdrawalMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        WithdrawalStage stage = state?.Stage ?? WithdrawalStage.Hearing;
        switch (message)
        {
            case HearingAnswered:
                return stage switch
                {
                    WithdrawalStage.Hearing => null,
                    _ when state!.HearingEnd == HearingEnd.DeadlinePassed => new Refusal(
                        "hearing-over", $"The hearing ended: its deadline, {Day(state.HearingDeadline!.Value)}, has passed. The caseworker decides on the file as it stands."),
                    _ when state!.HearingEnd == HearingEnd.Answered => new Refusal("answered", "The employer has answered the hearing already."),
                    _ => new Refusal("decided", "The withdrawal is decided; the hearing is over."),
                };
            case WithdrawalDecided decided:
                if (decided.Verdict == WithdrawalVerdict.Withdraw && !IsGround(decided.Ground))
                {
                    return new Refusal("not-a-withdrawal-ground", $"A withdrawal cites one of the §2.1 grounds: {string.Join(", ", Grounds.Select(g => g.Code))}.", Unfit: true);
                }

                return stage switch
                {
                    WithdrawalStage.AwaitingDecision => null,
                    WithdrawalStage.Hearing => new Refusal(
                        "hearing-open",
                        state?.HearingDeadline is DateTimeOffset deadline
                            ? $"The employer is heard until {Day(deadline)}; decide once they have answered or that deadline has passed."
                            : "The employer is about to be invited to a hearing; decide once they have answered or its deadline has passed."),
                    _ => new Refusal("decided", "The withdrawal is decided already."),
                };
            default:
                return new Refusal("unknown", "This command does not apply to a withdrawal.", Unfit: true);
        }
    }

    /// <summary>The next moment the workflow waits for, in real time: the reminder, else the hearing's deadline; null when it waits for nothing but messages or work.</summary>
    public static DateTimeOffset? NextMoment(WithdrawalCase state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Stage != WithdrawalStage.Hearing || state.HearingDeadline is not DateTimeOffset deadline)
        {
            return null; // no timer before the invitation names the deadline
        }

        DateTimeOffset policy = state.ReminderAt is DateTimeOffset reminder && state.RemindedAt is null ? reminder : deadline;
        return state.Clock().ToReal(policy);
    }

    /// <summary>Whether the real moment <paramref name="at"/> has come by <paramref name="realNow"/>.</summary>
    public static bool IsDue(DateTimeOffset? at, DateTimeOffset realNow) => at is DateTimeOffset moment && moment <= realNow + RealTolerance;

    public static WithdrawalResult Result(WithdrawalCase state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new WithdrawalResult(state.WithdrawalId, state.AuthorisationId, state.Stage, state.ExclusionIds);
    }

    /// <summary>Who is told on the employer's side: the employer, or the self-employed person who filed (professional card).</summary>
    public static Party Applicant(WithdrawalCase state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Category.IsFiledBySelfEmployed() ? Party.Worker : Party.Employer;
    }

    static void Receive(WithdrawalChange change, WithdrawalMessage message)
    {
        if (change.State.HandledMessages.Contains(message.MessageId))
        {
            return; // raised again: acted on once
        }

        change.Remember(c => c with { HandledMessages = [.. c.HandledMessages, message.MessageId] });
        if (Admits(change.State, message) is { } refusal)
        {
            change.Settle(message.MessageId, CommandFate.Rejected, refusal.Reason);
            change.Record("command-refused", message.MessageId, ("message", message.MessageId), ("refusal", refusal.Code));
            return;
        }

        change.Settle(message.MessageId, CommandFate.Accepted);
        switch (message)
        {
            case HearingAnswered answered:
                change.Set(c => c with { Stage = WithdrawalStage.AwaitingDecision, HearingEnd = Withdrawals.HearingEnd.Answered, HearingEndedAt = change.Now, ResponseId = answered.ResponseId });
                change.Record("hearing-answered", message.MessageId, ("responseId", answered.ResponseId));
                break;
            case WithdrawalDecided { Verdict: WithdrawalVerdict.Keep } kept:
                change.Set(c => c with { Stage = WithdrawalStage.Kept, Verdict = WithdrawalVerdict.Keep, DecisionId = kept.DecisionId, DecidedAt = change.Now, DecidedAtReal = change.RealNow });
                change.Record("authorisation-kept", message.MessageId, ("decisionId", kept.DecisionId));
                change.Notify(Notification(change.State, Applicant(change.State), NotificationKind.AuthorisationKept, "authorisation-kept", null, null));
                change.Mark(new RegisterMark(change.State.WithdrawalId, WithdrawalMark.Kept));
                break;
            case WithdrawalDecided withdrawn:
                change.Set(c => c with
                {
                    Stage = WithdrawalStage.Deciding,
                    Verdict = WithdrawalVerdict.Withdraw,
                    DecisionId = withdrawn.DecisionId,
                    DecisionGround = withdrawn.Ground,
                    DecidedAt = change.Now,
                    DecidedAtReal = change.RealNow,
                    PendingWork = [.. c.PendingWork, WithdrawalWork.IssueDecisionLetter, WithdrawalWork.ProposeExclusions],
                });
                change.Record("withdrawal-decided", message.MessageId, ("decisionId", withdrawn.DecisionId), ("ground", withdrawn.Ground!));
                break;
        }
    }

    /// <summary>
    /// Time passed: the hearing's deadline ends it; else the reminder goes out. A reminder still unsent when the deadline
    /// has come (the workflow was down through its moment) is of no use to the employer any more: the timeline says it was
    /// missed rather than leaving it out without a word.
    /// </summary>
    static void Pass(WithdrawalChange change)
    {
        WithdrawalCase state = change.State;
        if (NextMoment(state) is null)
        {
            return;
        }

        DateTimeOffset deadline = state.HearingDeadline!.Value;
        bool reminderDue = state.ReminderAt is DateTimeOffset reminder && state.RemindedAt is null && IsDue(state.Clock().ToReal(reminder), change.RealNow);
        if (IsDue(state.Clock().ToReal(deadline), change.RealNow))
        {
            if (reminderDue)
            {
                change.Record("hearing-reminder-missed", null, ("reminderAt", Day(state.ReminderAt!.Value)), ("deadline", Day(deadline)));
            }

            change.Set(c => c with { Stage = WithdrawalStage.AwaitingDecision, HearingEnd = Withdrawals.HearingEnd.DeadlinePassed, HearingEndedAt = deadline });
            change.Record("hearing-deadline-passed", null, ("deadline", Day(deadline)));
            return;
        }

        if (reminderDue)
        {
            change.Set(c => c with { RemindedAt = change.Now });
            change.Record("hearing-reminder-sent", null, ("deadline", Day(deadline)));
            change.Notify(Notification(state, Applicant(state), NotificationKind.HearingReminder, "hearing-reminder", deadline, state.InvitationLetter));
        }
    }

    /// <summary>
    /// The invitation is written: the hearing runs until the deadline it names (counted from the day it was written, so
    /// a slow letter never shortens the employer's term), with the reminder that many days before it.
    /// </summary>
    static void Invited(WithdrawalChange change, LetterWritten letter)
    {
        DateTimeOffset deadline = letter.AnswerBy
            ?? throw new ArgumentException("A hearing invitation names the last day to answer.", nameof(letter));
        int hearingDays = change.State.Terms.HearingDays;
        int reminderDays = change.State.Terms.ReminderDaysBefore;
        change.Set(c => c with
        {
            InvitationLetter = letter.Reference,
            InvitedAt = change.Now,
            HearingDeadline = deadline,
            ReminderAt = reminderDays > 0 && reminderDays < hearingDays ? deadline - TimeSpan.FromDays(reminderDays) : null,
            PendingWork = Without(c, WithdrawalWork.IssueHearingInvitation),
        });
        WithdrawalCase state = change.State;
        change.Record("hearing-invited", null, ("ground", state.Ground), ("deadline", Day(deadline)));
        change.Notify(Notification(state, Applicant(state), NotificationKind.HearingInvitation, "hearing-invitation", deadline, letter.Reference));
    }

    /// <summary>The decision letter is written: the parties and the federal office are told, the register entry is withdrawn.</summary>
    static void Informed(WithdrawalChange change, string reference)
    {
        change.Set(c => c with { DecisionLetter = reference, FederalMessageId = FederalMessageId(c.WithdrawalId), PendingWork = Without(c, WithdrawalWork.IssueDecisionLetter) });
        WithdrawalCase state = change.State;
        foreach (Party party in new[] { Applicant(state), Party.Worker }.Distinct())
        {
            // The letter is the applicant's: it names the employer and the exclusions proposed for it and its directors.
            // A worker employed by that employer is told of the withdrawal without it.
            string? letter = party == Applicant(state) ? reference : null;
            change.Notify(Notification(state, party, NotificationKind.WithdrawalDecision, $"withdrawal-decision:{Codes.Of(party)}", null, letter));
        }

        change.Send(new FederalOutboundMessage(
            state.FederalMessageId!, FederalOutboundKind.Withdrawal, state.AuthorisationId, state.WithdrawalId, state.WithdrawalId, state.Category, change.RealNow));
        DateOnly withdrawnOn = PolicyCatalog.BelgianDate(state.DecidedAt!.Value);
        change.Mark(new RegisterMark(state.WithdrawalId, WithdrawalMark.Withdrawn, withdrawnOn));
        change.Record("withdrawal-notified", null, ("ground", state.DecisionGround!), ("withdrawnOn", withdrawnOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("federalMessage", state.FederalMessageId!));
        CloseWhenDone(change);
    }

    static void CloseWhenDone(WithdrawalChange change)
    {
        if (change.State is { Stage: WithdrawalStage.Deciding, PendingWork.Count: 0 })
        {
            change.Set(c => c with { Stage = WithdrawalStage.Withdrawn });
            change.Record("withdrawn", null, ("exclusions", string.Join(',', change.State.ExclusionIds)));
        }
    }

    static PartyNotification Notification(WithdrawalCase state, Party party, NotificationKind kind, string key, DateTimeOffset? deadline, string? letter) =>
        new($"{state.WithdrawalId}:{key}", state.AuthorisationId, party, kind, [state.WithdrawalId, state.DecisionGround ?? state.Ground], deadline, letter);

    static WithdrawalWork[] Without(WithdrawalCase state, WithdrawalWork done) => [.. state.PendingWork.Where(w => w != done)];

    static string Day(DateTimeOffset policyMoment) => PolicyCatalog.BelgianDate(policyMoment).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
