using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// The follow-up of one grant to a nurse awaiting recognition (§2.6; an addition to the note): it drives
/// <see cref="RecognitionFollowUpModel"/>, waiting for a recorded outcome or for the model's next alert, whichever comes
/// first (the losing timer is cancelled), and carries out each transition with one activity. It decides nothing itself.
/// Deterministic: time is the context's, every write the activity's; ids and codes only in its input, status and logs.
/// </summary>
public sealed partial class RecognitionFollowUpOrchestrator : TaskOrchestrator<RecognitionFollowUpInput, RecognitionFollowUpResult>
{
    static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    /// <summary>Timers are set a second after their moment, as the permit workflow's (docs/decisions/0008-timer-margin.md).</summary>
    static readonly TimeSpan TimerMargin = TimeSpan.FromSeconds(1);

    public override async Task<RecognitionFollowUpResult> RunAsync(TaskOrchestrationContext context, RecognitionFollowUpInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var inbox = new RecognitionInbox(context);
        var clock = new PolicyClock(input.GrantedAt, input.PolicyDayLength);
        DateTimeOffset RealNow() => new(context.CurrentUtcDateTime, TimeSpan.Zero);

        RecognitionTransition transition = RecognitionFollowUpModel.Start(input);

        // Bounded: every round takes an outcome (the API admits a handful per follow-up) or fires an alert (two per
        // stage), so no ContinueAsNew is needed (DURABLE0011).
#pragma warning disable DURABLE0011
        while (true)
        {
            RecognitionFollowUpCase state = await CarryOutAsync(context, transition, RealNow());
            if (state.IsClosed)
            {
                return new RecognitionFollowUpResult(state.ApplicationId, state.Stage, state.ClosedAt);
            }

            if (inbox.TryTake() is { } arrived)
            {
                transition = RecognitionFollowUpModel.Apply(state, arrived, clock.ToPolicy(RealNow()));
                continue;
            }

            DateTimeOffset? wakeAt = RecognitionFollowUpModel.NextWakeUp(state);
            if (wakeAt is DateTimeOffset due && clock.ToPolicy(RealNow()) >= due)
            {
                transition = RecognitionFollowUpModel.Tick(state, clock.ToPolicy(RealNow()));
                continue;
            }

            using var timerCancellation = new CancellationTokenSource();
            DateTimeOffset? realDue = wakeAt is DateTimeOffset at ? clock.ToReal(at) : null;
            Task? timer = realDue is DateTimeOffset fireAt ? context.CreateTimer((fireAt + TimerMargin).UtcDateTime, timerCancellation.Token) : null;
            RecognitionOutcome? outcome = await inbox.NextAsync(timer);
            if (outcome is null)
            {
                // The timer fired: its moment has come, whatever the engine's clock reads (see TimerMargin).
                DateTimeOffset reached = RealNow() > realDue!.Value ? RealNow() : realDue.Value;
                transition = RecognitionFollowUpModel.Tick(state, clock.ToPolicy(reached));
                continue;
            }

            timerCancellation.Cancel(); // the timer lost the race
            transition = RecognitionFollowUpModel.Apply(state, outcome, clock.ToPolicy(RealNow()));
        }
#pragma warning restore DURABLE0011
    }

    static async Task<RecognitionFollowUpCase> CarryOutAsync(TaskOrchestrationContext context, RecognitionTransition transition, DateTimeOffset realNow)
    {
        RecognitionFollowUpCase state = transition.State;
        if (transition.IsQuiet)
        {
            return state;
        }

        if (transition.StateChanged)
        {
            context.SetCustomStatus(new RecognitionFollowUpStatus(state.Stage, state.DueAt, state.TermExtended));
        }

        ILogger logger = context.CreateReplaySafeLogger<RecognitionFollowUpOrchestrator>();
        LogStep(logger, state.ApplicationId, state.Stage, state.Revision);
        foreach (SlaAlert alert in transition.Alerts)
        {
            LogAlert(logger, state.ApplicationId, alert.Milestone, alert.Audience);
        }

        await context.CallActivityAsync<int>(
            nameof(RecordRecognitionFollowUpActivity),
            new RecognitionFollowUpRecord(state.ApplicationId, realNow, transition.Alerts, transition.Settlements, transition.Steps, transition.StateChanged ? state with { RecordedAt = realNow } : null),
            Retry);
        return state;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recognition follow-up of {ApplicationId} at {Stage} (revision {Revision})")]
    static partial void LogStep(ILogger logger, string applicationId, RecognitionStage stage, int revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recognition follow-up of {ApplicationId}: {Milestone} fired for {Audience}")]
    static partial void LogAlert(ILogger logger, string applicationId, MilestoneKind milestone, AlertAudience audience);
}
