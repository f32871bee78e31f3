using System.Diagnostics.CodeAnalysis;

namespace Workflow.Orchestrations.Workflows;

/// <summary>
/// A workflow's external events for its whole life: exactly one waiter per event, re-armed after each message and never
/// cancelled. Messages are taken in the order the waiters were given when several have arrived.
/// </summary>
/// <remarks>
/// Why not a fresh <c>WaitForExternalEvent</c> per wait, cancelled when a timer wins? In Microsoft.DurableTask a
/// cancelled waiter stays on the event's waiter stack and swallows the next event of that name: the message would be
/// lost. With one long-lived waiter per name nothing is lost, events raised before the workflow listens are buffered
/// by the engine and delivered in order, and duplicates reach the workflow, which drops them by message id.
/// </remarks>
/// <typeparam name="TMessage">What the workflow's events carry.</typeparam>
internal sealed class LongLivedInbox<TMessage>
    where TMessage : class
{
    readonly List<Listener> listeners;

    /// <param name="waits">One per event: arms a waiter for it (a call to <c>WaitForExternalEvent</c>).</param>
    public LongLivedInbox(IEnumerable<Func<Task<TMessage>>> waits) => this.listeners = [.. waits.Select(wait => new Listener(wait))];

    /// <summary>Whether a message has arrived that nothing has taken yet (or a waiter failed, which the next wait surfaces).</summary>
    public bool HasArrived => this.listeners.Any(l => l.Pending.IsCompleted);

    /// <summary>Takes a message that has already arrived, without waiting and without a timer.</summary>
    public bool TryTake([NotNullWhen(true)] out TMessage? message)
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
    public async Task<TMessage?> NextAsync(Task? timer)
    {
        if (this.TryTake(out TMessage? ready))
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
        return this.TryTake(out TMessage? message) ? message : null;
    }

    sealed class Listener(Func<Task<TMessage>> arm)
    {
        public Task<TMessage> Pending { get; private set; } = arm();

        public void Rearm() => this.Pending = arm();
    }
}
