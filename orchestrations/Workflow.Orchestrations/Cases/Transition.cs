using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Cases;

/// <summary>An audit row of a transition; its key makes the write idempotent. Codes and ids only.</summary>
public sealed record CaseStep(string Key, string Event, string Actor, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>
    /// The audit entries of one transition's steps, at its moment and numbered in their order: the steps of one record
    /// share a moment, and the timeline lists them in the order the transition took them, not by their keys.
    /// </summary>
    public static IReadOnlyList<AuditEntry> AuditEntries(string partition, DateTimeOffset at, IEnumerable<CaseStep> steps) =>
        [.. steps.Select((step, order) => new AuditEntry(partition, step.Key, at, step.Event, step.Actor, step.Details, Order: order + 1))];
}

/// <summary>
/// Everything one transition does to the outside world. One activity applies it all, each part under its own
/// idempotency key (a retried activity repeats nothing): messages to the federal office and third parties, notifications,
/// alerts, the fate of the commands it handled, its audit rows, then the case index.
/// </summary>
public sealed record CaseEffects(
    IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<FederalOutboundMessage> FederalMessages,
    IReadOnlyList<ThirdPartyRequest> ThirdPartyRequests,
    IReadOnlyList<PartyNotification> Notifications,
    IReadOnlyList<SlaAlert> Alerts,
    IReadOnlyList<CommandSettlement> Settlements)
{
    public static CaseEffects None { get; } = new([], [], [], [], [], []);

    public bool IsEmpty =>
        this.Steps.Count == 0 && this.FederalMessages.Count == 0 && this.ThirdPartyRequests.Count == 0
        && this.Notifications.Count == 0 && this.Alerts.Count == 0 && this.Settlements.Count == 0;

    /// <summary>These effects and then <paramref name="next"/>'s, each kind in its order (every part keeps its own idempotency key).</summary>
    public CaseEffects Then(CaseEffects next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return next.IsEmpty ? this : this.IsEmpty ? next : new(
            [.. this.Steps, .. next.Steps], [.. this.FederalMessages, .. next.FederalMessages], [.. this.ThirdPartyRequests, .. next.ThirdPartyRequests],
            [.. this.Notifications, .. next.Notifications], [.. this.Alerts, .. next.Alerts], [.. this.Settlements, .. next.Settlements]);
    }
}

/// <summary>The result of one step of the model: the new case, what to do about it, and whether the case index must learn it.</summary>
public sealed record Transition(PermitCase State, CaseEffects Effects, bool StateChanged)
{
    /// <summary>Nothing to carry out: neither effects nor a new state to index.</summary>
    public bool IsQuiet => this.Effects.IsEmpty && !this.StateChanged;

    /// <summary>
    /// This transition and <paramref name="next"/> (taken from this one's state) carried out as one: the later state, the
    /// effects of both in order. What the outside world ends up with is the same as carrying them out one after the other.
    /// </summary>
    public Transition Then(Transition next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new(next.State, this.Effects.Then(next.Effects), this.StateChanged || next.StateChanged);
    }
}

/// <summary>Why the model does not admit a message, in words fit for the one who sent it.</summary>
/// <param name="Code">A short code for the audit log (e.g. "not-open", "decided", "late").</param>
/// <param name="Reason">A sentence for the sender: it names only what the sender may know.</param>
/// <param name="Unfit">The command can never fit this case (not a matter of its moment): the API answers 422, not 409.</param>
public sealed record Refusal(string Code, string Reason, bool Unfit = false);
