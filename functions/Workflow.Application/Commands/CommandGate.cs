using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Workflow.Application.Access;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;
using Workflow.Orchestrations.Sla;

namespace Workflow.Application.Commands;

/// <summary>A command about to pass the gate: what it is, who sends it, and what it raises.</summary>
/// <param name="Content">The normalised content: two commands with the same key and the same content are one command.</param>
/// <param name="Raise">The event it raises, made with the receipt time (the system's, never the sender's).</param>
/// <param name="Details">Codes and ids for the answer and the audit row (never personal data or free text).</param>
/// <param name="Slot">A single-slot command (one decision per application): the slot's name.</param>
/// <param name="Check">A check only the API makes (one the workflow cannot know), before the model's.</param>
/// <param name="Keep">What the dossier keeps of the command (its question, motivation...), written once it is recorded, create-only.</param>
/// <param name="HoldForConsent">Recorded but not raised until a manager consents (an information request beyond the limit).</param>
/// <param name="RecordRefusals">
/// A party's message that happened whatever we think of it (the federal office's, a payment provider's): when the case
/// refuses it, it is still recorded, with the fate rejected and the reason, and answered 200; a person's command is
/// answered 409 instead and nothing is stored.
/// </param>
/// <param name="ReceivedEvent">The receipt's audit code, when not the kind's default.</param>
/// <param name="RefusedEvent">The audit code of a recorded refusal, from its code (e.g. "federal-decision-late").</param>
/// <param name="RaisesNothing">
/// A command whose whole effect is its <paramref name="Keep"/> (a manager's consent raises the request it consents to):
/// its own event is only checked against the case, never raised; it is accepted once kept.
/// </param>
public sealed record CommandDraft(
    string ApplicationId,
    string Kind,
    string CommandId,
    object Content,
    Actor Actor,
    Func<DateTimeOffset, (string EventName, PermitMessage Message)> Raise,
    IReadOnlyDictionary<string, string> Details,
    string? Slot = null,
    Func<PermitCase, Refusal?>? Check = null,
    Func<DateTimeOffset, CancellationToken, Task>? Keep = null,
    Func<PermitCase, IReadOnlyList<CommandRecord>, bool>? HoldForConsent = null,
    bool RecordRefusals = false,
    string? ReceivedEvent = null,
    Func<Refusal, string>? RefusedEvent = null,
    bool RaisesNothing = false);

/// <summary>
/// The one way a command reaches a workflow, so that every 2xx has a known fate: the command is checked against the
/// case as the case index keeps it (<see cref="PermitCaseModel.Admits"/>, 409 when refused), recorded once by a
/// conditional insert keyed (application, kind, id), kept in the dossier, audited with its sender, and only then raised,
/// with the message id <c>{kind}:{id}</c>. The same id and content again is answered from the record (200) and raises
/// nothing, unless the first request never raised it (a crash): then it is raised now, with the same message. The same id
/// with other content is a 409. A single-slot command (the decision) takes the application's one slot first, whatever
/// its id; the slot frees only when the workflow rejects its holder.
/// </summary>
public sealed class CommandGate(
    ICommandLedger ledger,
    ICaseIndex caseIndex,
    ISubmissionLedger submissions,
    IWorkflowEvents events,
    IAuditLog auditLog,
    PolicyCatalog policy,
    IOptions<WorkflowSettings> settings,
    TimeProvider time)
{
    public ICommandLedger Ledger => ledger;

    public async Task<CommandResult> PassAsync(CommandDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        string hash = Hash(draft.Content);

        // A new command is the common case: its record is not read first, the conditional insert below (and the slot's)
        // finds a repeat. Only an answer that would store nothing (the case refuses, or is not there) asks the ledger
        // first whether this is a command recorded earlier, which is answered from its record, whatever the case now says.
        (PermitCase? state, CommandResult? missing) = await this.CaseAsync(draft.ApplicationId, cancellationToken);
        if (state is null)
        {
            return await this.RepeatIfRecordedAsync(draft, hash, cancellationToken) ?? missing!;
        }

        DateTimeOffset now = time.GetUtcNow();
        (string eventName, PermitMessage message) = draft.Raise(now);
        if ((draft.Check?.Invoke(state) ?? PermitCaseModel.Admits(state, message)) is Refusal refusal)
        {
            return draft.RecordRefusals ? await this.RecordRefusalAsync(draft, hash, now, eventName, message, refusal, cancellationToken)
                : await this.RepeatIfRecordedAsync(draft, hash, cancellationToken)
                ?? (refusal.Unfit ? new CommandResult(CommandStatus.Unprocessable, refusal.Reason) : CommandResult.Conflict(refusal.Reason));
        }

        string messageId = message.MessageId;
        if (draft.Slot is string slot && await this.ClaimSlotAsync(draft.ApplicationId, slot, messageId, cancellationToken) is string taken)
        {
            return CommandResult.Conflict(taken);
        }

        bool hold = draft.HoldForConsent?.Invoke(state, await ledger.ListAsync(draft.ApplicationId, draft.Kind, cancellationToken)) ?? false;
        CommandFate fate = hold ? CommandFate.AwaitingConsent : CommandFate.Recorded;
        CommandAnswer answer = Answer(draft, hold ? CommandFate.AwaitingConsent : CommandFate.Pending, hold ? ConsentReason : null, repeated: false);
        var record = new CommandRecord(
            draft.ApplicationId,
            draft.Kind,
            draft.CommandId,
            hash,
            draft.Actor,
            now,
            fate,
            Reason: hold ? ConsentReason : null,
            EventName: eventName,
            EventPayload: JsonSerializer.Serialize(message, message.GetType(), WorkflowJson.Options),
            Answer: JsonSerializer.Serialize(answer, WorkflowJson.Options));
        (bool recorded, CommandRecord stored) = await ledger.TryRecordAsync(record, cancellationToken);
        if (!recorded)
        {
            return await this.RepeatAsync(draft, stored, hash, cancellationToken); // the same command, sent twice at once
        }

        await this.CarryOutAsync(draft, stored, cancellationToken, started: state.Revision > 0);
        return new CommandResult(CommandStatus.Accepted, Body: draft.RaisesNothing ? answer with { Fate = CommandFate.Accepted } : answer);
    }

    /// <summary>
    /// What follows the record, safe to repeat after a crash: keep, audit, then raise (or accept what raises nothing).
    /// <paramref name="started"/>: the case came from the case index, so its workflow runs (it recorded a transition).
    /// </summary>
    async Task CarryOutAsync(CommandDraft draft, CommandRecord stored, CancellationToken cancellationToken, bool started = false)
    {
        if (draft.Keep is not null)
        {
            await draft.Keep(stored.ReceivedAt, cancellationToken);
        }

        await this.AuditReceiptAsync(stored, draft.Details, cancellationToken, draft.ReceivedEvent);
        if (draft.RaisesNothing)
        {
            await ledger.SettleAsync(stored.ApplicationId, new CommandSettlement(stored.MessageId, CommandFate.Accepted), stored.ReceivedAt, cancellationToken);
        }
        else if (stored.Fate == CommandFate.Recorded)
        {
            await this.RaiseAsync(stored, cancellationToken, started);
        }
    }

    /// <summary>A party's message the case does not admit: recorded as rejected, with its reason, and audited once.</summary>
    async Task<CommandResult> RecordRefusalAsync(
        CommandDraft draft, string hash, DateTimeOffset now, string eventName, PermitMessage message, Refusal refusal, CancellationToken cancellationToken)
    {
        CommandAnswer answer = Answer(draft, CommandFate.Rejected, refusal.Reason, repeated: false);
        var record = new CommandRecord(
            draft.ApplicationId, draft.Kind, draft.CommandId, hash, draft.Actor, now, CommandFate.Rejected, refusal.Reason,
            eventName, JsonSerializer.Serialize(message, message.GetType(), WorkflowJson.Options), JsonSerializer.Serialize(answer, WorkflowJson.Options), SettledAt: now);
        (bool recorded, CommandRecord stored) = await ledger.TryRecordAsync(record, cancellationToken);
        if (!recorded)
        {
            return await this.RepeatAsync(draft, stored, hash, cancellationToken);
        }

        await this.AuditReceiptAsync(stored, draft.Details, cancellationToken, draft.ReceivedEvent);
        await auditLog.AppendAsync(
            new AuditEntry(
                draft.ApplicationId,
                $"cmd-{stored.MessageId}-refused",
                now,
                draft.RefusedEvent?.Invoke(refusal) ?? Orchestrations.Cases.CaseEvents.Rejected(draft.Kind),
                draft.Actor.Role,
                new Dictionary<string, string>(draft.Details, StringComparer.Ordinal) { ["reason"] = refusal.Code }),
            cancellationToken);
        return new CommandResult(CommandStatus.Recorded, refusal.Reason, Body: answer);
    }

    /// <summary>Raises a recorded command's event (its stored message, unchanged) and marks it pending.</summary>
    public async Task RaiseAsync(CommandRecord record, CancellationToken cancellationToken, bool started = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        Type type = typeof(PermitMessage).Assembly.GetType($"{typeof(PermitMessage).Namespace}.{record.EventName}")
            ?? throw new InvalidOperationException($"Command {record.MessageId} names no known event.");
        var message = (PermitMessage)(JsonSerializer.Deserialize(record.EventPayload!, type, WorkflowJson.Options)
            ?? throw new InvalidOperationException($"Command {record.MessageId} holds no event."));
        await events.RaiseAsync(record.ApplicationId, record.EventName!, message, started, cancellationToken);
        await ledger.MarkRaisedAsync(record.ApplicationId, record.MessageId, cancellationToken);
    }

    /// <summary>
    /// The case a command is checked against: the case index's row, or, for an application submitted a moment ago whose
    /// workflow has not recorded anything yet, the case as submitted. Unknown: 404; still being registered: 409 Retry-After.
    /// </summary>
    public async Task<(PermitCase? State, CommandResult? Missing)> CaseAsync(string applicationId, CancellationToken cancellationToken)
    {
        if (await caseIndex.GetAsync(applicationId, cancellationToken) is PermitCase indexed)
        {
            return (indexed, null);
        }

        return await submissions.GetAsync(applicationId, cancellationToken) switch
        {
            null => (null, CommandResult.NotFound(applicationId)),
            { Scheduled: false } => (null, CommandResult.Registering(applicationId)),
            SubmissionRecord submission => (AsSubmitted(submission, policy, settings.Value.PolicyDayLength), null),
        };
    }

    /// <summary>A case as it stands right after submission, before its workflow recorded anything.</summary>
    public static PermitCase AsSubmitted(SubmissionRecord submission, PolicyCatalog policy, TimeSpan policyDayLength)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(policy);
        PermitTerms terms = Submissions.SubmissionService.TermsOf(submission, policy);
        return new PermitCase
        {
            ApplicationId = submission.ApplicationId,
            Category = submission.Category,
            SubmittedAt = submission.SubmittedAt,
            PolicyDayLength = policyDayLength,
            Terms = terms,
            WorkflowVersion = Orchestrations.Workflows.PermitApplication.PermitWorkflowVersions.Current,
            Renews = submission.Renews,
            Sla = SlaSnapshot.Of(new SlaClock(terms.Sla, submission.SubmittedAt)),
            Federal = new FederalLegSnapshot(submission.Category.HasFederalLeg() ? FederalLegStatus.NotStarted : FederalLegStatus.NotApplicable, null, null, null, []),
            Fee = submission.FeeCents is null ? FeeStatus.NotDue : FeeStatus.Due,
        };
    }

    public const string ConsentReason = "Beyond the number of information requests a caseworker makes alone: it waits for a manager's consent.";

    /// <summary>The same key again: a repeat (answered from the record), a conflict, or a command a crash left unraised.</summary>
    async Task<CommandResult> RepeatAsync(CommandDraft draft, CommandRecord existing, string hash, CancellationToken cancellationToken)
    {
        if (existing.ContentHash != hash)
        {
            return CommandResult.Conflict(string.Create(
                CultureInfo.InvariantCulture,
                $"The {existing.Kind} id {existing.CommandId} was used on {existing.ReceivedAt:yyyy-MM-dd HH:mm} UTC with other content. Use a new id for a new {existing.Kind}."));
        }

        CommandAnswer original = JsonSerializer.Deserialize<CommandAnswer>(existing.Answer!, WorkflowJson.Options)!;
        if (existing.Fate == CommandFate.Recorded)
        {
            // The first request was cut off after recording: finish what it began, with the very same message.
            await this.CarryOutAsync(draft, existing, cancellationToken);
            return new CommandResult(CommandStatus.Accepted, Body: original with { Fate = draft.RaisesNothing ? CommandFate.Accepted : CommandFate.Pending });
        }

        await ledger.NoteRepeatAsync(existing, time.GetUtcNow(), cancellationToken);
        return new CommandResult(CommandStatus.AlreadyDone, Body: original with { Fate = existing.Fate, Reason = existing.Reason, Repeated = true });
    }

    /// <summary>The command's earlier record answered as a repeat (or a conflict), or null when it was never recorded.</summary>
    async Task<CommandResult?> RepeatIfRecordedAsync(CommandDraft draft, string hash, CancellationToken cancellationToken) =>
        await ledger.GetAsync(draft.ApplicationId, draft.Kind, draft.CommandId, cancellationToken) is CommandRecord existing
            ? await this.RepeatAsync(draft, existing, hash, cancellationToken)
            : null;

    /// <summary>
    /// Claims the single slot (held already by this very command when it is a repeat); returns why not when another
    /// command holds it and was not rejected. The claim is tried first: the slot is free for nearly every command.
    /// </summary>
    async Task<string?> ClaimSlotAsync(string applicationId, string slot, string messageId, CancellationToken cancellationToken)
    {
        SlotHolder claim = await ledger.ClaimSlotAsync(applicationId, slot, messageId, replaceable: null, cancellationToken);
        if (claim.MessageId == messageId)
        {
            return null;
        }

        CommandRecord? held = await this.RecordOfAsync(applicationId, claim.MessageId, cancellationToken);
        if (held is null || held.Fate != CommandFate.Rejected)
        {
            return Taken(slot, held);
        }

        claim = await ledger.ClaimSlotAsync(applicationId, slot, messageId, replaceable: claim.MessageId, cancellationToken);
        return claim.MessageId == messageId ? null : Taken(slot, await this.RecordOfAsync(applicationId, claim.MessageId, cancellationToken));
    }

    static string Taken(string slot, CommandRecord? holder) => holder is null
        ? $"Another {slot} is being recorded for this application; an application has one."
        : string.Create(CultureInfo.InvariantCulture, $"The {slot} {holder.CommandId} was recorded on {holder.ReceivedAt:yyyy-MM-dd HH:mm} UTC by {holder.Actor}; an application has one.");

    /// <summary>A slot holder's record; none for a holder that names no command (a slot row gone between two reads).</summary>
    async Task<CommandRecord?> RecordOfAsync(string applicationId, string messageId, CancellationToken cancellationToken) =>
        CommandKinds.KindOf(messageId) is string kind
            ? await ledger.GetAsync(applicationId, kind, messageId[(kind.Length + 1)..], cancellationToken)
            : null;

    /// <summary>The receipt of a command in the audit log, with who sent it: the record of who did what.</summary>
    public Task AuditReceiptAsync(CommandRecord record, IReadOnlyDictionary<string, string> details, CancellationToken cancellationToken, string? eventCode = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = new AuditEntry(
            record.ApplicationId,
            $"cmd-{record.MessageId}",
            record.ReceivedAt,
            eventCode ?? CommandEvents.Received(record.Kind),
            record.Actor.Role,
            new Dictionary<string, string>(details, StringComparer.Ordinal) { ["commandId"] = record.CommandId },
            record.Actor.Subject,
            record.Actor.Name);
        return auditLog.AppendAsync(entry, cancellationToken);
    }

    static CommandAnswer Answer(CommandDraft draft, CommandFate fate, string? reason, bool repeated) => new(
        draft.ApplicationId,
        draft.Kind,
        draft.CommandId,
        fate,
        reason,
        repeated,
        CommandAnswer.UrlOf(draft.ApplicationId, draft.Kind, draft.CommandId),
        draft.Details);

    /// <summary>A stable hash of the normalised content (the pinned JSON options: the same content, the same hash).</summary>
    public static string Hash(object content) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content, content.GetType(), WorkflowJson.Options)));
}
