using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Orchestrations.Workflows.Withdrawal;

/// <summary>
/// Drives one withdrawal through <see cref="WithdrawalModel"/>: it takes a message that already arrived, else does the
/// work the model asked for, else waits for the next message or the model's next moment (the timer that loses the race
/// is cancelled), feeds the model and carries out the effects it returns. It decides nothing itself. Deterministic: time
/// is the context's, effects and work are activities, messages come through the <see cref="WithdrawalInbox"/>.
/// </summary>
internal sealed partial class WithdrawalWorkflow(TaskOrchestrationContext context, WithdrawalInput input)
{
    static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    /// <summary>Timers are set this much after their moment (docs/decisions/0008-timer-margin.md).</summary>
    static readonly TimeSpan TimerMargin = TimeSpan.FromSeconds(1);

    readonly WithdrawalInbox inbox = new(context);

    DateTimeOffset RealNow => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<WithdrawalResult> RunAsync()
    {
        WithdrawalTransition transition = WithdrawalModel.Start(input, this.RealNow);

        // Bounded: one answer and one decision per withdrawal (the API keeps one slot each), a reminder, a deadline and
        // three pieces of work, so no ContinueAsNew is needed (DURABLE0011).
#pragma warning disable DURABLE0011
        while (true)
        {
            WithdrawalCase state = await this.CarryOutAsync(transition);
            if (state.IsClosed)
            {
                // Messages that arrived with the last one are settled (rejected: it is decided) before the workflow ends.
                while (this.inbox.TryTake(out WithdrawalMessage? late))
                {
                    state = await this.CarryOutAsync(WithdrawalModel.Apply(state, new MessageArrived(late), this.RealNow));
                }

                return WithdrawalModel.Result(state);
            }

            (WithdrawalCaseInput next, DateTimeOffset at) = await this.NextInputAsync(state);
            transition = WithdrawalModel.Apply(state, next, at);
        }
#pragma warning restore DURABLE0011
    }

    async Task<(WithdrawalCaseInput Input, DateTimeOffset At)> NextInputAsync(WithdrawalCase state)
    {
        if (this.inbox.TryTake(out WithdrawalMessage? arrived))
        {
            return (new MessageArrived(arrived), this.RealNow);
        }

        if (state.PendingWork.Count > 0)
        {
            return (await this.DoAsync(state.PendingWork[0], state), this.RealNow);
        }

        DateTimeOffset? wakeAt = WithdrawalModel.NextMoment(state);
        if (WithdrawalModel.IsDue(wakeAt, this.RealNow))
        {
            return (MomentReached.Instance, this.RealNow);
        }

        using var timerCancellation = new CancellationTokenSource();
        Task? timer = wakeAt is DateTimeOffset due ? context.CreateTimer((due + TimerMargin).UtcDateTime, timerCancellation.Token) : null;
        WithdrawalMessage? message = await this.inbox.NextAsync(timer);
        if (message is null)
        {
            // The timer fired: its moment has come, whatever the engine's clock reads (see TimerMargin).
            DateTimeOffset reached = wakeAt!.Value;
            return (MomentReached.Instance, this.RealNow > reached ? this.RealNow : reached);
        }

        timerCancellation.Cancel(); // the timer lost the race
        return (new MessageArrived(message), this.RealNow);
    }

    async Task<WithdrawalCaseInput> DoAsync(WithdrawalWork work, WithdrawalCase state) => work switch
    {
        WithdrawalWork.IssueHearingInvitation => await context.CallActivityAsync<LetterWritten>(
            nameof(IssueWithdrawalLetterActivity),
            new WithdrawalLetterRequest(
                state.WithdrawalId,
                state.AuthorisationId,
                WithdrawalLetterKind.HearingInvitation,
                state.Ground,
                PolicyCatalog.BelgianDate(state.Clock().ToPolicy(this.RealNow)),
                null,
                state.Terms.ExclusionMonths,
                new HearingTerm(state.Clock(), state.Terms.HearingDays)),
            Retry),
        WithdrawalWork.IssueDecisionLetter => await context.CallActivityAsync<LetterWritten>(
            nameof(IssueWithdrawalLetterActivity),
            new WithdrawalLetterRequest(
                state.WithdrawalId,
                state.AuthorisationId,
                WithdrawalLetterKind.WithdrawalDecision,
                state.DecisionGround!,
                PolicyCatalog.BelgianDate(state.DecidedAt!.Value),
                null,
                state.Terms.ExclusionMonths),
            Retry),
        WithdrawalWork.ProposeExclusions => new ExclusionsProposed(
            await context.CallActivityAsync<IReadOnlyList<string>>(
                nameof(ProposeWithdrawalExclusionsActivity),
                new ExclusionProposalRequest(
                    state.WithdrawalId, state.AuthorisationId, state.DecisionId!, state.DecisionGround!, state.DecidedAtReal!.Value, state.Terms.ExclusionMonths),
                Retry)),
        _ => throw new InvalidOperationException($"Unknown work {work}."),
    };

    /// <summary>
    /// Carries out a transition: the record first (audit rows, the commands' fates, the register, the withdrawal as it
    /// stands), so whoever is told finds the withdrawal as the message describes it (the invitation's deadline, the
    /// decision); then the notifications and federal messages (each once by its key); and the stage in the custom status.
    /// </summary>
    async Task<WithdrawalCase> CarryOutAsync(WithdrawalTransition transition)
    {
        WithdrawalCase state = transition.State;
        if (transition.IsQuiet)
        {
            return state;
        }

        WithdrawalEffects effects = transition.Effects;
        await context.CallActivityAsync<string>(
            nameof(RecordWithdrawalActivity),
            new WithdrawalRecord(state.WithdrawalId, state.AuthorisationId, this.RealNow, effects.Steps, effects.Settlements, transition.StateChanged ? state : null, effects.Register),
            Retry);
        await Task.WhenAll(effects.Notifications.Select(n => context.CallActivityAsync<string>(nameof(NotifyPartyActivity), n, Retry)));
        foreach (FederalOutboundMessage message in effects.FederalMessages)
        {
            await context.CallActivityAsync<string>(nameof(SendFederalMessageActivity), message, Retry);
        }
        if (transition.StateChanged)
        {
            context.SetCustomStatus(state.Stage);
            ILogger logger = context.CreateReplaySafeLogger<WithdrawalOrchestrator>();
            LogStage(logger, state.WithdrawalId, state.Stage);
        }

        return state;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Withdrawal {WithdrawalId} is at stage {Stage}")]
    static partial void LogStage(ILogger logger, string withdrawalId, WithdrawalStage stage);
}
