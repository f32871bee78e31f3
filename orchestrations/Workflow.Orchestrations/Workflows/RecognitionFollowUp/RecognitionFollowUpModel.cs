using System.Globalization;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Sla;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// The follow-up of a grant to a nurse awaiting recognition (§2.6; an addition to the note), as pure functions:
/// follow-up + input → follow-up + effects. Stages: awaiting NARIC's recognition (due the recognition term after the
/// grant; a caseworker may extend it once to its second length), awaiting the care visa (due its term after the
/// recognition), then done, or closed on a refusal (recorded; what follows for the authorisation is the caseworker's
/// call, outside the follow-up). Before each due date a reminder to the caseworker, once it passes an escalation to
/// managers, each once. Times are policy times. No engine here: <see cref="RecognitionFollowUpOrchestrator"/> drives it.
/// </summary>
public static class RecognitionFollowUpModel
{
    /// <summary>How many handled message ids a follow-up remembers (it takes a handful of outcomes in its life).</summary>
    public const int RememberedMessages = 50;

    public static RecognitionTransition Start(RecognitionFollowUpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var state = new RecognitionFollowUpCase
        {
            ApplicationId = input.ApplicationId,
            Category = input.Category,
            StartedAt = input.GrantedAt,
            PolicyDayLength = input.PolicyDayLength,
            Terms = input.Terms,
            StageSince = input.GrantedAt,
            Revision = 1,
        };
        var steps = new List<CaseStep>
        {
            new("rf-started", RecognitionEvents.Started, Actors.System, StageDetails(state, ("terms", input.Terms.TermsId))),
        };
        return Fire(state, input.GrantedAt, [], [], steps, stateChanged: true);
    }

    /// <summary>
    /// Why <paramref name="kind"/> cannot be recorded on the follow-up as it stands, or null when it can. The API asks
    /// this before recording a command (409 with the reason); the workflow asks again when the command arrives.
    /// </summary>
    public static string? Admits(RecognitionFollowUpCase state, RecognitionOutcomeKind kind)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsClosed)
        {
            return $"The follow-up is closed ({Codes.Of(state.Stage)}): nothing more is recorded on it.";
        }

        return kind switch
        {
            RecognitionOutcomeKind.Recognised or RecognitionOutcomeKind.RecognitionRefused or RecognitionOutcomeKind.TermExtended
                when state.Stage != RecognitionStage.AwaitingRecognition =>
                $"NARIC's outcome is recorded only while the recognition is awaited; the follow-up is at {Codes.Of(state.Stage)}.",
            RecognitionOutcomeKind.TermExtended when state.TermExtended => string.Create(
                CultureInfo.InvariantCulture,
                $"The recognition term was extended already, to {state.Terms.ExtendedRecognitionDays} days: it is extended once."),
            RecognitionOutcomeKind.CareVisaGranted or RecognitionOutcomeKind.CareVisaRefused when state.Stage != RecognitionStage.AwaitingCareVisa =>
                $"The care visa's outcome is recorded only once NARIC recognised the diploma; the follow-up is at {Codes.Of(state.Stage)}.",
            _ => null,
        };
    }

    /// <summary>An outcome arrives at <paramref name="policyNow"/>: acted on once (a redelivery changes nothing), or rejected with the reason.</summary>
    public static RecognitionTransition Apply(RecognitionFollowUpCase state, RecognitionOutcome outcome, DateTimeOffset policyNow)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(outcome);
        if (state.HandledMessages.Contains(outcome.MessageId, StringComparer.Ordinal))
        {
            return new RecognitionTransition(state, [], [], [], StateChanged: false);
        }

        RecognitionFollowUpCase remembered = state with
        {
            HandledMessages = [.. state.HandledMessages.TakeLast(RememberedMessages - 1), outcome.MessageId],
            Revision = state.Revision + 1,
        };
        if (Admits(state, outcome.Kind) is string reason)
        {
            return new RecognitionTransition(
                remembered,
                [],
                [new CommandSettlement(outcome.MessageId, CommandFate.Rejected, reason)],
                [new CaseStep($"rf-{outcome.MessageId}-rejected", RecognitionEvents.OutcomeRejected, outcome.ActorRole, Details(("messageId", outcome.MessageId), ("outcome", Codes.Of(outcome.Kind)), ("stage", Codes.Of(state.Stage))))],
                StateChanged: true);
        }

        RecognitionFollowUpCase next = outcome.Kind switch
        {
            RecognitionOutcomeKind.Recognised => remembered with { Stage = RecognitionStage.AwaitingCareVisa, StageSince = policyNow, RecognisedAt = policyNow },
            RecognitionOutcomeKind.TermExtended => remembered with { TermExtended = true },
            RecognitionOutcomeKind.RecognitionRefused => remembered with { Stage = RecognitionStage.RecognitionRefused, StageSince = policyNow, ClosedAt = policyNow },
            RecognitionOutcomeKind.CareVisaGranted => remembered with { Stage = RecognitionStage.Done, StageSince = policyNow, ClosedAt = policyNow },
            _ => remembered with { Stage = RecognitionStage.CareVisaRefused, StageSince = policyNow, ClosedAt = policyNow },
        };
        var steps = new List<CaseStep>
        {
            new($"rf-{outcome.MessageId}", RecognitionEvents.Of(outcome.Kind), outcome.ActorRole, StageDetails(next, ("messageId", outcome.MessageId))),
        };
        return Fire(next, policyNow, [], [new CommandSettlement(outcome.MessageId, CommandFate.Accepted)], steps, stateChanged: true);
    }

    /// <summary>Time passes to <paramref name="policyNow"/>: every alert of the current stage whose moment has come fires, once.</summary>
    public static RecognitionTransition Tick(RecognitionFollowUpCase state, DateTimeOffset policyNow)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Fire(state, policyNow, [], [], [], stateChanged: false);
    }

    /// <summary>The next moment the follow-up waits for (policy time): its earliest alert not fired; null once closed.</summary>
    public static DateTimeOffset? NextWakeUp(RecognitionFollowUpCase state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Pending(state).Select(m => (DateTimeOffset?)m.At).Min();
    }

    /// <summary>The alerts of the current stage: a reminder to the caseworker before its due date and an escalation to managers after it.</summary>
    public static IReadOnlyList<PlannedMilestone> Plan(RecognitionFollowUpCase state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.DueAt is not DateTimeOffset due)
        {
            return [];
        }

        (MilestoneKind reminder, MilestoneKind overdue) = state.Stage == RecognitionStage.AwaitingCareVisa
            ? (MilestoneKind.CareVisaReminder, MilestoneKind.CareVisaOverdue)
            : state.TermExtended
                ? (MilestoneKind.ExtendedRecognitionReminder, MilestoneKind.ExtendedRecognitionOverdue)
                : (MilestoneKind.RecognitionReminder, MilestoneKind.RecognitionOverdue);
        return
        [
            new PlannedMilestone(reminder, AlertAudience.Caseworker, due.AddDays(-state.Terms.ReminderDaysBefore)),
            new PlannedMilestone(overdue, AlertAudience.Managers, due.AddDays(state.Terms.EscalationDaysAfter)),
        ];
    }

    static IEnumerable<PlannedMilestone> Pending(RecognitionFollowUpCase state) =>
        Plan(state).Where(m => !state.FiredAlerts.Contains(m.Kind));

    /// <summary>Fires every pending alert due at <paramref name="policyNow"/>, in the order of their moments.</summary>
    static RecognitionTransition Fire(
        RecognitionFollowUpCase state, DateTimeOffset policyNow, List<SlaAlert> alerts, IReadOnlyList<CommandSettlement> settlements, List<CaseStep> steps, bool stateChanged)
    {
        foreach (PlannedMilestone milestone in Pending(state).Where(m => m.At <= policyNow).OrderBy(m => m.At).ToList())
        {
            state = state with { FiredAlerts = [.. state.FiredAlerts, milestone.Kind], Revision = state.Revision + (stateChanged ? 0 : 1) };
            stateChanged = true;
            alerts.Add(new SlaAlert(
                SlaAlert.KeyFor(state.ApplicationId, milestone.Kind), state.ApplicationId, state.Category, milestone.Kind, milestone.Audience, milestone.At, state.DueAt, policyNow));
            steps.Add(new CaseStep(
                $"rf-{CaseEvents.Milestone(milestone.Kind)}",
                CaseEvents.Milestone(milestone.Kind),
                Actors.System,
                Details(("audience", Codes.Of(milestone.Audience)), ("milestoneAt", Text(milestone.At)), ("dueAt", Text(state.DueAt!.Value)))));
        }

        return new RecognitionTransition(state, alerts, settlements, steps, stateChanged);
    }

    static Dictionary<string, string> StageDetails(RecognitionFollowUpCase state, params (string Key, string Value)[] more)
    {
        var details = new List<(string, string)> { ("stage", Codes.Of(state.Stage)) };
        if (state.DueAt is DateTimeOffset due)
        {
            details.Add(("dueAt", Text(due)));
            details.Add(("termDays", state.TermDays!.Value.ToString(CultureInfo.InvariantCulture)));
        }

        details.AddRange(more);
        return Details([.. details]);
    }

    static Dictionary<string, string> Details(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    static string Text(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
