using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Workflows.PermitApplication;

/// <summary>
/// Listens for every permit event for the whole life of the workflow, with exactly one waiter per event name that is
/// re-armed after each message and never cancelled.
/// </summary>
/// <remarks>
/// Why not a fresh <c>WaitForExternalEvent</c> per wait, cancelled when a timer wins? In Microsoft.DurableTask a
/// cancelled waiter stays on the event's waiter stack and swallows the next event of that name: the message would be
/// lost. With one long-lived waiter per name nothing is lost, events raised before the workflow listens are buffered
/// by the engine and delivered in order, and duplicates reach the workflow, which drops them by message id.
/// </remarks>
internal sealed class EventInbox
{
    readonly TaskOrchestrationContext context;
    readonly List<Listener> listeners = [];

    public EventInbox(TaskOrchestrationContext context)
    {
        this.context = context;
        this.Listen<DocumentsSupplied>(PermitEvents.DocumentsSupplied);
        this.Listen<FeePaid>(PermitEvents.FeePaid);
        this.Listen<InformationRequested>(PermitEvents.InformationRequested);
        this.Listen<CaseworkerDecided>(PermitEvents.CaseworkerDecided);
        this.Listen<FederalAcknowledged>(PermitEvents.FederalAcknowledged);
        this.Listen<FederalInformationRequested>(PermitEvents.FederalInformationRequested);
        this.Listen<FederalDecided>(PermitEvents.FederalDecided);
    }

    /// <summary>Takes a message that has already arrived, without waiting and without a timer.</summary>
    public bool TryTake([NotNullWhen(true)] out PermitMessage? message)
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
    public async Task<PermitMessage?> NextAsync(Task? timer)
    {
        if (this.TryTake(out PermitMessage? ready))
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

        // A listener completed; a faulted one (an undeserialisable payload) surfaces here and fails the workflow.
        await winner;
        return this.TryTake(out PermitMessage? message) ? message : null;
    }

    void Listen<T>(string eventName)
        where T : PermitMessage =>
        this.listeners.Add(new Listener(async () => await this.context.WaitForExternalEvent<T>(eventName)));

    sealed class Listener(Func<Task<PermitMessage>> arm)
    {
        public Task<PermitMessage> Pending { get; private set; } = arm();

        public void Rearm() => this.Pending = arm();
    }
}
