using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Workflows.PermitApplication;

/// <summary>
/// Listens for every permit event for the whole life of the workflow, one long-lived waiter per event name
/// (<see cref="LongLivedInbox{TMessage}"/>, whose remarks say why).
/// </summary>
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

    readonly LongLivedInbox<PermitMessage> inbox;

    /// <param name="context">The workflow's context.</param>
    /// <param name="only">The event names to listen for (all of them when null).</param>
    public EventInbox(TaskOrchestrationContext context, IReadOnlySet<string>? only = null) =>
        this.inbox = new([.. Events.Where(e => only is null || only.Contains(e.Name)).Select(e => (Func<Task<PermitMessage>>)(() => e.Wait(context, e.Name)))]);

    internal static IEnumerable<string> EventNames => Events.Select(e => e.Name);

    /// <summary>Takes a message that has already arrived, without waiting and without a timer.</summary>
    public bool TryTake([NotNullWhen(true)] out PermitMessage? message) => this.inbox.TryTake(out message);

    /// <summary>Whether a message has arrived that nothing has taken yet.</summary>
    public bool HasArrived => this.inbox.HasArrived;

    /// <summary>Waits for the next message, or for <paramref name="timer"/> (then returns null).</summary>
    public Task<PermitMessage?> NextAsync(Task? timer) => this.inbox.NextAsync(timer);

    static async Task<PermitMessage> WaitFor<T>(TaskOrchestrationContext context, string eventName)
        where T : PermitMessage => await context.WaitForExternalEvent<T>(eventName);
}
