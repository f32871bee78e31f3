using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Application.Recognition;

/// <summary>
/// The outcomes a caseworker or manager records on a recognition follow-up (§2.6): NARIC's (recognised, refused, term
/// extended with a reason) and the care visa's (granted, refused). Each passes the same steps as every command
/// (docs/design.md#commands-and-their-fate): validated (400); checked against the follow-up as last recorded by
/// <see cref="RecognitionFollowUpModel.Admits"/> (409 with the reason; nothing stored); recorded once in the commands
/// table under (application, kind, command id) with a hash of its content (the same again: 200 from the record; other
/// content: 409); its note (reason, who) kept; audited with who; then raised on the follow-up, which settles its fate.
/// </summary>
public sealed class RecognitionCommands(
    DurableTaskClient client, IRecognitionFollowUps followUps, ICommandLedger ledger, IAuditLog auditLog, TimeProvider time)
{
    public const int MaxReasonLength = 2000;

    public Task<CommandResult> RecordNaricOutcomeAsync(string applicationId, NaricOutcomeRequest request, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "commandId", request.CommandId);
        errors.Require("outcome", request.Outcome);
        TextRules.FreeText(errors, "reason", request.Reason, MaxReasonLength, required: request.Outcome == NaricOutcome.TermExtended);
        if (!errors.IsValid)
        {
            return Task.FromResult(CommandResult.Invalid(errors));
        }

        RecognitionOutcomeKind kind = request.Outcome!.Value switch
        {
            NaricOutcome.Recognised => RecognitionOutcomeKind.Recognised,
            NaricOutcome.Refused => RecognitionOutcomeKind.RecognitionRefused,
            _ => RecognitionOutcomeKind.TermExtended,
        };
        return this.RecordAsync(applicationId, request.CommandId!, kind, Codes.Of(request.Outcome.Value), request.Reason, by, cancellationToken);
    }

    public Task<CommandResult> RecordCareVisaOutcomeAsync(string applicationId, CareVisaOutcomeRequest request, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "commandId", request.CommandId);
        errors.Require("outcome", request.Outcome);
        TextRules.FreeText(errors, "reason", request.Reason, MaxReasonLength, required: false);
        if (!errors.IsValid)
        {
            return Task.FromResult(CommandResult.Invalid(errors));
        }

        RecognitionOutcomeKind kind = request.Outcome!.Value == CareVisaOutcome.Granted ? RecognitionOutcomeKind.CareVisaGranted : RecognitionOutcomeKind.CareVisaRefused;
        return this.RecordAsync(applicationId, request.CommandId!, kind, Codes.Of(request.Outcome.Value), request.Reason, by, cancellationToken);
    }

    async Task<CommandResult> RecordAsync(
        string applicationId, string commandId, RecognitionOutcomeKind kind, string outcomeCode, string? reason, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        string commandKind = RecognitionEvents.CommandKindOf(kind);
        string hash = CommandGate.Hash(new { outcome = outcomeCode, reason });
        CommandRecord? existing = await ledger.GetAsync(applicationId, commandKind, commandId, cancellationToken);
        if (existing is not null)
        {
            return await this.RepeatAsync(existing, hash, reason, cancellationToken);
        }

        if (await followUps.GetAsync(applicationId, cancellationToken) is not RecognitionFollowUpCase followUp)
        {
            return await followUps.GetRequestAsync(applicationId, cancellationToken) is null
                ? new CommandResult(CommandStatus.NotFound, $"Application {applicationId} has no recognition follow-up (only a grant to a nurse awaiting recognition has one).")
                : new CommandResult(CommandStatus.Registering, $"The recognition follow-up of application {applicationId} is being started: try again in a moment.");
        }

        if (RecognitionFollowUpModel.Admits(followUp, kind) is string refusal)
        {
            return CommandResult.Conflict(refusal);
        }

        DateTimeOffset now = time.GetUtcNow();
        string messageId = CommandKinds.MessageId(commandKind, commandId);
        var message = new RecognitionOutcome(messageId, kind, by.Role, now);
        IReadOnlyDictionary<string, string> details = new Dictionary<string, string>(StringComparer.Ordinal) { ["outcome"] = outcomeCode };
        var answer = new CommandAnswer(applicationId, commandKind, commandId, CommandFate.Pending, null, false, CommandAnswer.UrlOf(applicationId, commandKind, commandId), details);
        var record = new CommandRecord(
            applicationId, commandKind, commandId, hash, by, now, CommandFate.Recorded,
            EventName: RecognitionEvents.OutcomeRecorded,
            EventPayload: JsonSerializer.Serialize(message, WorkflowJson.Options),
            Answer: JsonSerializer.Serialize(answer, WorkflowJson.Options));
        (bool recorded, CommandRecord stored) = await ledger.TryRecordAsync(record, cancellationToken);
        if (!recorded)
        {
            return await this.RepeatAsync(stored, hash, reason, cancellationToken); // the same command, sent twice at once
        }

        await this.CarryOutAsync(stored, reason, cancellationToken);
        return CommandResult.Accepted(answer);
    }

    /// <summary>What follows the record, safe to repeat after a crash: the note, the audit row with who, then the event.</summary>
    async Task CarryOutAsync(CommandRecord stored, string? reason, CancellationToken cancellationToken)
    {
        RecognitionOutcome message = JsonSerializer.Deserialize<RecognitionOutcome>(stored.EventPayload!, WorkflowJson.Options)!;
        await followUps.KeepNoteAsync(
            new RecognitionNote(stored.ApplicationId, stored.Kind, stored.CommandId, message.Kind, reason, stored.Actor.Role, stored.Actor.Subject, stored.Actor.Name, stored.ReceivedAt),
            cancellationToken);
        await auditLog.AppendAsync(
            new AuditEntry(
                stored.ApplicationId,
                $"cmd-{stored.MessageId}",
                stored.ReceivedAt,
                CommandEvents.Received(stored.Kind),
                stored.Actor.Role,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["commandId"] = stored.CommandId, ["outcome"] = Codes.Of(message.Kind) },
                stored.Actor.Subject,
                stored.Actor.Name),
            cancellationToken);
        await client.RaiseEventAsync(RecognitionFollowUpIds.For(stored.ApplicationId), RecognitionEvents.OutcomeRecorded, message, cancellationToken);
        await ledger.MarkRaisedAsync(stored.ApplicationId, stored.MessageId, cancellationToken);
    }

    /// <summary>The same key again: a repeat (answered from the record), a conflict, or a command a crash left unraised.</summary>
    async Task<CommandResult> RepeatAsync(CommandRecord existing, string hash, string? reason, CancellationToken cancellationToken)
    {
        if (existing.ContentHash != hash)
        {
            return CommandResult.Conflict(string.Create(
                CultureInfo.InvariantCulture,
                $"The {existing.Kind} id {existing.CommandId} was used on {existing.ReceivedAt:yyyy-MM-dd HH:mm} UTC with other content. Use a new id for a new outcome."));
        }

        CommandAnswer original = JsonSerializer.Deserialize<CommandAnswer>(existing.Answer!, WorkflowJson.Options)!;
        if (existing.Fate == CommandFate.Recorded)
        {
            // The first request was cut off after recording: finish what it began, with the very same message (the same
            // content hash, so the same reason).
            await this.CarryOutAsync(existing, reason, cancellationToken);
            return CommandResult.Accepted(original);
        }

        await ledger.NoteRepeatAsync(existing, time.GetUtcNow(), cancellationToken);
        return new CommandResult(CommandStatus.AlreadyDone, Body: original with { Fate = existing.Fate, Reason = existing.Reason, Repeated = true });
    }
}
