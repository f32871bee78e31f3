using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Orchestrations.Workflows.Withdrawal;

/// <summary>
/// Listens for the withdrawal's events for the whole life of the workflow, with one waiter per event name that is
/// re-armed after each message and never cancelled: a cancelled waiter would swallow the next event of its name (see
/// <see cref="PermitApplication.EventInbox"/>). Events raised before the workflow listens are buffered by the engine.
/// </summary>
internal sealed class WithdrawalInbox
{
    /// <summary>The employer's answer is listened to first, so of two that both arrived the answer is taken before the decision.</summary>
    static readonly Func<TaskOrchestrationContext, Task<WithdrawalMessage>>[] Events =
    [
        async context => await context.WaitForExternalEvent<HearingAnswered>(WithdrawalEvents.HearingAnswered),
        async context => await context.WaitForExternalEvent<WithdrawalDecided>(WithdrawalEvents.Decided),
    ];

    readonly List<Listener> listeners;

    public WithdrawalInbox(TaskOrchestrationContext context) =>
        this.listeners = [.. Events.Select(wait => new Listener(() => wait(context)))];

    /// <summary>Takes a message that has already arrived, without waiting.</summary>
    public bool TryTake([NotNullWhen(true)] out WithdrawalMessage? message)
    {
        foreach (Listener listener in this.listeners)
        {
            if (listener.Pending.IsCompletedSuccessfully)
            {
                message = listener.Pending.Result;
                listener.Rearm();
                return true;
            }
        }

        message = null;
        return false;
    }

    /// <summary>Waits for the next message, or for <paramref name="timer"/> (then returns null).</summary>
    public async Task<WithdrawalMessage?> NextAsync(Task? timer)
    {
        if (this.TryTake(out WithdrawalMessage? ready))
        {
            return ready;
        }

        List<Task> waits = [.. this.listeners.Select(l => l.Pending)];
        if (timer is not null)
        {
            waits.Add(timer);
        }

        Task winner = await Task.WhenAny(waits);
        if (winner == timer)
        {
            return null;
        }

        await winner; // a faulted listener (an undeserialisable payload) fails the workflow here
        return this.TryTake(out WithdrawalMessage? message) ? message : null;
    }

    sealed class Listener(Func<Task<WithdrawalMessage>> arm)
    {
        public Task<WithdrawalMessage> Pending { get; private set; } = arm();

        public void Rearm() => this.Pending = arm();
    }
}
