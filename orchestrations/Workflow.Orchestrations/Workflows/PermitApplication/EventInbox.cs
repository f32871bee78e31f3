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
    /// <summary>The events version 1.0 listens for (it never receives the later kinds: the API refuses those commands for it).</summary>
    internal static readonly IReadOnlySet<string> Version1Events = new HashSet<string>(StringComparer.Ordinal)
    {
        PermitEvents.DocumentsSupplied, PermitEvents.FeePaid, PermitEvents.InformationRequested, PermitEvents.CaseworkerDecided,
        PermitEvents.FederalAcknowledged, PermitEvents.FederalInformationRequested, PermitEvents.FederalDecided,
        PermitEvents.ThirdPartyRequested, PermitEvents.ThirdPartyAnswered,
    };

    /// <summary>Every event the workflow listens for, with its payload type (a test checks none of PermitEvents is missing).</summary>
    static readonly (string Name, Func<TaskOrchestrationContext, string, Task<PermitMessage>> Wait)[] Events =
    [
        (PermitEvents.DocumentsSupplied, WaitFor<DocumentsSupplied>),
        (PermitEvents.FeePaid, WaitFor<FeePaid>),
        (PermitEvents.InformationRequested, WaitFor<InformationRequested>),
        (PermitEvents.CaseworkerDecided, WaitFor<CaseworkerDecided>),
        (PermitEvents.FederalAcknowledged, WaitFor<FederalAcknowledged>),
        (PermitEvents.FederalInformationRequested, WaitFor<FederalInformationRequested>),
        (PermitEvents.FederalDecided, WaitFor<FederalDecided>),
        (PermitEvents.ThirdPartyRequested, WaitFor<ThirdPartyRequested>),
        (PermitEvents.ThirdPartyAnswered, WaitFor<ThirdPartyAnswered>),
        (PermitEvents.FeeReversed, WaitFor<FeeReversed>),
        (PermitEvents.ApplicationWithdrawn, WaitFor<ApplicationWithdrawn>),
        (PermitEvents.ApplicationCorrected, WaitFor<ApplicationCorrected>),
    ];

    readonly List<Listener> listeners;

    /// <param name="context">The workflow's context.</param>
    /// <param name="only">The event names to listen for (all of them when null).</param>
    public EventInbox(TaskOrchestrationContext context, IReadOnlySet<string>? only = null) =>
        this.listeners = [.. Events.Where(e => only is null || only.Contains(e.Name)).Select(e => new Listener(() => e.Wait(context, e.Name)))];

    internal static IEnumerable<string> EventNames => Events.Select(e => e.Name);

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

    static async Task<PermitMessage> WaitFor<T>(TaskOrchestrationContext context, string eventName)
        where T : PermitMessage => await context.WaitForExternalEvent<T>(eventName);

    sealed class Listener(Func<Task<PermitMessage>> arm)
    {
        public Task<PermitMessage> Pending { get; private set; } = arm();

        public void Rearm() => this.Pending = arm();
    }
}
