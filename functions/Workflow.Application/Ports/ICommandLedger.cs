using Workflow.Application.Access;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Ports;

/// <summary>
/// A command as recorded, before its event is raised: who sent it, a hash of its content (to tell a repeat from a
/// conflict), the event to raise (ids and codes only, so a retry after a crash raises exactly the same message), the
/// answer given the first time, and its fate.
/// </summary>
public sealed record CommandRecord(
    string ApplicationId,
    string Kind,
    string CommandId,
    string ContentHash,
    Actor Actor,
    DateTimeOffset ReceivedAt,
    CommandFate Fate,
    string? Reason = null,
    string? EventName = null,
    string? EventPayload = null,
    string? Answer = null,
    DateTimeOffset? SettledAt = null,
    int Repeats = 0)
{
    public string MessageId => CommandKinds.MessageId(this.Kind, this.CommandId);
}

/// <summary>Who holds a single-slot command (one decision, one withdrawal per application).</summary>
public sealed record SlotHolder(string MessageId, bool ClaimedNow);

/// <summary>
/// The commands table: one record per (application, kind, command id), written by conditional insert before anything
/// is raised, never overwritten but for its fate. The workflow settles fates through <see cref="ICommandOutcomes"/>.
/// </summary>
public interface ICommandLedger : ICommandOutcomes
{
    /// <summary>Inserts the record unless one with its key exists; returns the stored record either way.</summary>
    Task<(bool Recorded, CommandRecord Stored)> TryRecordAsync(CommandRecord record, CancellationToken cancellationToken);

    /// <summary>Marks a recorded command as raised (pending), unless its fate is already further on.</summary>
    Task MarkRaisedAsync(string applicationId, string messageId, CancellationToken cancellationToken);

    Task<CommandRecord?> GetAsync(string applicationId, string kind, string commandId, CancellationToken cancellationToken);

    /// <summary>The commands of an application (of one kind when given), oldest first: an indexed range read of its partition.</summary>
    Task<IReadOnlyList<CommandRecord>> ListAsync(string applicationId, string? kind, CancellationToken cancellationToken);

    /// <summary>Counts a repeat on the record (retried on a write race; the count is for the record, never for the command's fate).</summary>
    Task NoteRepeatAsync(CommandRecord stored, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the application's one slot of <paramref name="slot"/> for <paramref name="messageId"/> (a conditional
    /// insert): the first claimant wins; later ones learn who holds it. <paramref name="replaceable"/> is the holder a
    /// caller may displace (a holder whose command was rejected), by an ETag-guarded update.
    /// </summary>
    Task<SlotHolder> ClaimSlotAsync(string applicationId, string slot, string messageId, string? replaceable, CancellationToken cancellationToken);

    /// <summary>Who holds the slot, if anyone.</summary>
    Task<string?> SlotHolderAsync(string applicationId, string slot, CancellationToken cancellationToken);
}
