using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Application.Federal;

/// <summary>What became of a federal message.</summary>
public enum FederalHandling
{
    /// <summary>Raised on the application's workflow (which still drops it if it turns out a duplicate).</summary>
    Delivered,

    /// <summary>A duplicate or late message for a known application: recorded in the audit log, not acted on.</summary>
    RecordedLate,

    /// <summary>Malformed: to the poison queue (or a 400 on the webhook), with the reason.</summary>
    Malformed,

    /// <summary>For an application nobody knows: to the poison queue (or a 404 on the webhook), with the reason.</summary>
    UnknownApplication,
}

public sealed record FederalHandlingResult(FederalHandling Handling, string Reason, string? ApplicationId = null, string? MessageId = null);

/// <summary>
/// The one handler of messages from the federal office (DESIGN.md §3), behind the <c>federal-decisions</c> queue
/// listener and the <c>POST /api/federal/decisions</c> webhook alike. It never throws for bad input: it says what to
/// do with the message. Every message for a known application is recorded in the audit log on receipt, so nothing the
/// federal office sent is lost, whatever the workflow does with it.
/// </summary>
public sealed partial class FederalMessageHandler(
    DurableTaskClient client,
    ICaseIndex caseIndex,
    IAuditLog auditLog,
    TimeProvider time,
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
    /// <param name="deliveryId">Identifies this delivery (a queue message id and dequeue count, or an HTTP request id), so that
    /// each delivery of the same message is recorded once in the audit log, however often the record is retried.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    public async Task<FederalHandlingResult> HandleAsync(ReadOnlyMemory<byte> body, string deliveryId, CancellationToken cancellationToken)
    {
        (FederalInboundMessage? message, string? problem) = Parse(body);
        if (message is null)
        {
            LogRejected(logger, "malformed");
            return new FederalHandlingResult(FederalHandling.Malformed, problem!);
        }

        CaseSnapshot? snapshot = await caseIndex.GetAsync(message.ApplicationId, cancellationToken);
        if (snapshot is null)
        {
            LogRejected(logger, "unknown-application");
            return new FederalHandlingResult(FederalHandling.UnknownApplication, $"No application {message.ApplicationId} is known.", message.ApplicationId, message.MessageId);
        }

        DateTimeOffset now = time.GetUtcNow();
        string kind = Codes.Of(message.Kind);
        await auditLog.AppendAsync(
            new AuditEntry(message.ApplicationId, $"fed-{message.MessageId}-{deliveryId}", now, $"federal-{kind}-received", Actors.FederalOffice, Details(message)),
            cancellationToken);

        if (LateReason(snapshot, message) is string late)
        {
            await auditLog.AppendAsync(
                new AuditEntry(message.ApplicationId, $"fed-late-{message.MessageId}-{deliveryId}", now, $"federal-{kind}-late", Actors.FederalOffice, Details(message)),
                cancellationToken);
            LogLate(logger, message.ApplicationId, message.MessageId, late);
            return new FederalHandlingResult(FederalHandling.RecordedLate, late, message.ApplicationId, message.MessageId);
        }

        string correlationId = message.CorrelationId ?? message.ApplicationId;
        (string eventName, PermitMessage payload) = message.Kind switch
        {
            FederalInboundKind.Acknowledgement => (PermitEvents.FederalAcknowledged, (PermitMessage)new FederalAcknowledged(message.MessageId, correlationId, now, message.HandoffId)),
            FederalInboundKind.InformationRequest => (PermitEvents.FederalInformationRequested, new FederalInformationRequested(message.MessageId, correlationId, now, message.HandoffId)),
            _ => (PermitEvents.FederalDecided, new FederalDecided(message.MessageId, correlationId, now, message.HandoffId, message.Decision!.Value, message.ReasonCodes ?? [])),
        };
        await client.RaiseEventAsync(message.ApplicationId, eventName, payload, cancellationToken);
        LogDelivered(logger, message.ApplicationId, message.MessageId, eventName);
        return new FederalHandlingResult(FederalHandling.Delivered, "raised on the workflow", message.ApplicationId, message.MessageId);
    }

    /// <summary>Why a message for a known application can no longer change anything, or null when it can.</summary>
    static string? LateReason(CaseSnapshot snapshot, FederalInboundMessage message)
    {
        if (snapshot.Stage is Stage.Deciding or Stage.Closed)
        {
            return "the application is decided";
        }

        return snapshot.Federal.Status switch
        {
            FederalLegStatus.Cancelled => "the federal leg was cancelled after a Flemish refusal",
            FederalLegStatus.Approved or FederalLegStatus.Refused when message.Kind == FederalInboundKind.Decision => "the federal decision was already received",
            FederalLegStatus.NotApplicable => "this application has no federal leg",
            _ => null,
        };
    }

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
