using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Validation;
using Workflow.Application.Withdrawals;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Application.Federal;

/// <summary>What became of a federal message.</summary>
public enum FederalHandling
{
    /// <summary>Raised on the application's workflow.</summary>
    Delivered,

    /// <summary>A late or stale message for a known application: recorded (its fate says why), not acted on.</summary>
    RecordedLate,

    /// <summary>The same message again (same id, same content): answered from its record, nothing raised, no new audit row.</summary>
    Duplicate,

    /// <summary>A message id the office used before for another message: to the poison queue (or a 409 on the webhook).</summary>
    Conflict,

    /// <summary>Malformed: to the poison queue (or a 400 on the webhook), with the reason.</summary>
    Malformed,

    /// <summary>For an application nobody knows: to the poison queue (or a 404 on the webhook), with the reason.</summary>
    UnknownApplication,

    /// <summary>For an application still being registered: tried again later (the queue redelivers; the webhook answers 409 with Retry-After).</summary>
    Registering,
}

public sealed record FederalHandlingResult(FederalHandling Handling, string Reason, string? ApplicationId = null, string? MessageId = null)
{
    /// <summary>Handled for good (raised, recorded as late, or a known repeat): the delivery is complete.</summary>
    [JsonIgnore]
    public bool IsSettled => this.Handling is FederalHandling.Delivered or FederalHandling.RecordedLate or FederalHandling.Duplicate;

    /// <summary>To be tried again later (the application is still being registered): the delivery is left to come back.</summary>
    [JsonIgnore]
    public bool IsRetry => this.Handling == FederalHandling.Registering;
}

/// <summary>
/// The one handler of messages from the federal office, behind the <c>federal-decisions</c> queue listener and the
/// <c>POST /api/federal/decisions</c> webhook alike. It never throws for bad input: it says what to do with the message.
/// Every message for a known application is a command of kind <c>federal</c>, keyed by the office's message id: recorded
/// once (with one audit row however often it is delivered or replayed), raised if the case takes it, else recorded as
/// late or stale with the reason. A repeat is answered from its record and raises nothing. The office's acknowledgement
/// of a withdrawal message (its handoff id a withdrawal's) goes to the withdrawal instead (<see cref="WithdrawalAcknowledgements"/>).
/// </summary>
public sealed partial class FederalMessageHandler(
    CommandGate gate,
    WithdrawalAcknowledgements withdrawals,
    ILogger<FederalMessageHandler> logger)
{
    /// <summary>A federal message is small: ids and reason codes. Anything bigger is not one.</summary>
    public const int MaxMessageBytes = 16 * 1024;

    static readonly JsonSerializerOptions Strict = new(WorkflowJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        MaxDepth = 8,
    };

    /// <param name="body">The message as received.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    public async Task<FederalHandlingResult> HandleAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        (FederalInboundMessage? message, string? problem) = Parse(body);
        if (message is null)
        {
            LogRejected(logger, "malformed");
            return new FederalHandlingResult(FederalHandling.Malformed, problem!);
        }

        if (WithdrawalAcknowledgements.IsFor(message))
        {
            return await withdrawals.HandleAsync(message, cancellationToken);
        }

        string kind = Codes.Of(message.Kind);
        string messageId = CommandKinds.MessageId(CommandKinds.Federal, message.MessageId);
        string correlationId = message.CorrelationId ?? message.ApplicationId;
        (string Event, PermitMessage Message) Raise(DateTimeOffset now) => message.Kind switch
        {
            FederalInboundKind.Acknowledgement => (PermitEvents.FederalAcknowledged, new FederalAcknowledged(messageId, correlationId, now, message.HandoffId)),
            FederalInboundKind.InformationRequest => (PermitEvents.FederalInformationRequested, new FederalInformationRequested(messageId, correlationId, now, message.HandoffId)),
            _ => (PermitEvents.FederalDecided, new FederalDecided(messageId, correlationId, now, message.HandoffId, message.Decision!.Value, message.ReasonCodes ?? [])),
        };

        CommandResult result = await gate.PassAsync(
            new CommandDraft(
                message.ApplicationId,
                CommandKinds.Federal,
                message.MessageId,
                message,
                Actor.Party(Actors.FederalOffice, "federal-office"),
                Raise,
                Details(message),
                Check: state => EdgeRefusal(state, Raise(default).Message),
                RecordRefusals: true,
                ReceivedEvent: $"federal-{kind}-received",
                RefusedEvent: refusal => $"federal-{kind}-{refusal.Code}"),
            cancellationToken);

        switch (result.Status)
        {
            case CommandStatus.Accepted:
                LogDelivered(logger, message.ApplicationId, message.MessageId, kind);
                return new FederalHandlingResult(FederalHandling.Delivered, "raised on the workflow", message.ApplicationId, message.MessageId);
            case CommandStatus.Recorded:
                LogLate(logger, message.ApplicationId, message.MessageId, result.Detail!);
                return new FederalHandlingResult(FederalHandling.RecordedLate, result.Detail!, message.ApplicationId, message.MessageId);
            case CommandStatus.AlreadyDone:
                return new FederalHandlingResult(FederalHandling.Duplicate, "this message was received before", message.ApplicationId, message.MessageId);
            case CommandStatus.Conflict:
                LogRejected(logger, "conflict");
                return new FederalHandlingResult(FederalHandling.Conflict, result.Detail!, message.ApplicationId, message.MessageId);
            case CommandStatus.Registering:
                // Not poisoned: the application exists and will be open in a moment; the queue redelivers, the webhook says retry.
                return new FederalHandlingResult(FederalHandling.Registering, result.Detail!, message.ApplicationId, message.MessageId);
            default:
                LogRejected(logger, "unknown-application");
                return new FederalHandlingResult(FederalHandling.UnknownApplication, $"No application {message.ApplicationId} is known.", message.ApplicationId, message.MessageId);
        }
    }

    /// <summary>
    /// What the edge may refuse of a federal message on the case index's view. The index can lag behind the workflow
    /// (the handoff leaves before the index records it, and the office may answer at once), so a message naming a
    /// handoff the index does not know yet is raised, not refused: the workflow, which knows its own handoffs, judges it
    /// and records its fate (rejected as stale if it really is). What the index already shows as late stays late: the
    /// index is never ahead of the workflow.
    /// </summary>
    static Refusal? EdgeRefusal(PermitCase state, PermitMessage message) =>
        PermitCaseModel.Admits(state, message) is { Code: "stale" } && !state.IsDecided ? null : PermitCaseModel.Admits(state, message);

    static (FederalInboundMessage? Message, string? Problem) Parse(ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0)
        {
            return (null, "the message is empty");
        }

        if (body.Length > MaxMessageBytes)
        {
            return (null, $"the message is larger than {MaxMessageBytes} bytes");
        }

        FederalInboundMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<FederalInboundMessage>(body.Span, Strict);
        }
        catch (JsonException e)
        {
            return (null, $"not a federal message: {Http.JsonBody.Describe(e)}");
        }

        if (message is null)
        {
            return (null, "the message is null");
        }

        var errors = new ValidationErrors();
        TextRules.Id(errors, "messageId", message.MessageId);
        if (!ApplicationIds.IsWellFormed(message.ApplicationId))
        {
            errors.Add("applicationId", "is not an application id");
        }

        TextRules.Id(errors, "handoffId", message.HandoffId);
        if (message.CorrelationId is not null)
        {
            TextRules.Id(errors, "correlationId", message.CorrelationId);
        }

        if (message.Kind == FederalInboundKind.Decision && message.Decision is null)
        {
            errors.Add("decision", "a decision message needs a decision (approved or refused)");
        }

        if (message.Kind != FederalInboundKind.Decision && message.Decision is not null)
        {
            errors.Add("decision", "only a decision message carries a decision");
        }

        if (message.ReasonCodes is { } reasons && (reasons.Count > 20 || reasons.Any(r => r is null || !TextRules.ClientId().IsMatch(r))))
        {
            errors.Add("reasonCodes", "at most 20 codes of letters, digits, '.', '_', ':' or '-'");
        }

        return errors.IsValid
            ? (message, null)
            : (null, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
    }

    static Dictionary<string, string> Details(FederalInboundMessage message)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["messageId"] = message.MessageId,
            ["handoffId"] = message.HandoffId,
        };
        if (message.Decision is FederalVerdict verdict)
        {
            details["verdict"] = Codes.Of(verdict);
            details["reasons"] = string.Join(',', message.ReasonCodes ?? []);
        }

        return details;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Federal message {MessageId} for {ApplicationId} raised as {EventName}")]
    static partial void LogDelivered(ILogger logger, string applicationId, string messageId, string eventName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Federal message {MessageId} for {ApplicationId} recorded as late: {Reason}")]
    static partial void LogLate(ILogger logger, string applicationId, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federal message rejected: {Reason}")]
    static partial void LogRejected(ILogger logger, string reason);
}
