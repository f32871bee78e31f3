using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Http;
using Workflow.Application.Ports;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Application.Payments;

/// <summary>What the payment service provider reports about a payment.</summary>
public enum PaymentEventType
{
    /// <summary>The payment succeeded: the fee is paid if it is the fee due.</summary>
    Succeeded,

    /// <summary>The payment failed or was abandoned: nothing changes, the fee stays due.</summary>
    Failed,

    /// <summary>A payment that had succeeded was reversed (a chargeback): the fee is due again.</summary>
    Reversed,
}

/// <summary>
/// The provider's callback (<c>POST /api/payments/provider-events</c>), signed like the federal webhook. The amount is a
/// decimal; <paramref name="EventId"/> is the provider's, unique per event, and makes the callback idempotent.
/// </summary>
public sealed record PaymentEvent(
    string EventId,
    PaymentEventType Type,
    string ApplicationId,
    string PaymentId,
    string ProviderPaymentId,
    decimal Amount,
    string Currency);

/// <summary>What became of a provider callback.</summary>
public enum PaymentEventHandling
{
    /// <summary>Raised on the workflow (202): a confirmation or a reversal.</summary>
    Applied,

    /// <summary>Recorded (200): a failure, or an event the case does not take (a second payment, a reversal after the decision), with its reason.</summary>
    Recorded,

    /// <summary>The same event again (200): answered from its record, nothing raised.</summary>
    Duplicate,

    /// <summary>An event id used before for another event (409).</summary>
    Conflict,

    /// <summary>No such payment (404): the provider should stop retrying.</summary>
    UnknownPayment,

    /// <summary>Not a provider event (400).</summary>
    Malformed,
}

public sealed record PaymentEventResult(PaymentEventHandling Handling, string Reason, CommandAnswer? Command = null);

/// <summary>
/// Handles the provider's signed callbacks: the one way a fee becomes paid (§2.5), or due again after a reversal.
/// The payment's status at the provider is recorded whatever the case thinks of it; then a success or a reversal is a
/// command of kind <c>payment-event</c> (keyed by the provider's event id) through the <see cref="CommandGate"/>, which
/// checks the amount and currency against the fee due and records a refusal (a second payment, a wrong amount, a
/// reversal after the decision) as the event's fate instead of acting on it.
/// </summary>
public sealed class PaymentCallbacks(
    CommandGate gate, IPaymentLedger payments, IPaymentProvider provider, IOptions<PaymentProviderSettings> settings, TimeProvider time)
{
    public const string TimestampHeader = "X-Payment-Timestamp";
    public const string SignatureHeader = "X-Payment-Signature";

    /// <summary>A provider event is small: ids, an amount, a currency.</summary>
    public const int MaxEventBytes = 8 * 1024;

    static readonly JsonSerializerOptions Strict = new(WorkflowJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        MaxDepth = 4,
    };

    /// <summary>Null when the callback is authentic (signed with the provider's secret, in the window); else why not.</summary>
    public string? CheckSignature(ReadOnlySpan<byte> body, string? timestamp, string? signature) =>
        WebhookSignature.Check(
            body, timestamp, signature, settings.Value.WebhookSecret, settings.Value.ReplayWindow, time.GetUtcNow(), TimestampHeader, SignatureHeader, "payment provider callback");

    public async Task<PaymentEventResult> HandleAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        (PaymentEvent? paymentEvent, string? problem) = Parse(body);
        if (paymentEvent is null)
        {
            return new PaymentEventResult(PaymentEventHandling.Malformed, problem!);
        }

        PaymentRecord? payment = await payments.GetAsync(paymentEvent.ApplicationId, paymentEvent.PaymentId, cancellationToken);
        if (payment is null || payment.ProviderPaymentId != paymentEvent.ProviderPaymentId)
        {
            return new PaymentEventResult(PaymentEventHandling.UnknownPayment, $"No payment {paymentEvent.PaymentId} of application {paymentEvent.ApplicationId} with this provider payment id is known.");
        }

        DateTimeOffset now = time.GetUtcNow();
        var status = paymentEvent.Type switch
        {
            PaymentEventType.Succeeded => PaymentStatus.Succeeded,
            PaymentEventType.Failed => PaymentStatus.Failed,
            _ => PaymentStatus.Reversed,
        };
        await payments.UpdateStatusAsync(payment.ApplicationId, payment.PaymentId, status, now, cancellationToken);

        long amountCents = (long)(paymentEvent.Amount * 100);
        string messageId = CommandKinds.MessageId(CommandKinds.PaymentEvent, paymentEvent.EventId);
        Func<DateTimeOffset, (string, PermitMessage)> raise = paymentEvent.Type switch
        {
            PaymentEventType.Reversed => at => (PermitEvents.FeeReversed, new FeeReversed(messageId, payment.ApplicationId, at, payment.PaymentId)),

            // A failure changes nothing in the case; it is checked as a zero payment and so recorded, never raised.
            _ => at => (PermitEvents.FeePaid, new FeePaid(messageId, payment.ApplicationId, at, payment.PaymentId, paymentEvent.Type == PaymentEventType.Succeeded ? amountCents : 0, paymentEvent.Currency)),
        };
        CommandResult result = await gate.PassAsync(
            new CommandDraft(
                payment.ApplicationId,
                CommandKinds.PaymentEvent,
                paymentEvent.EventId,
                paymentEvent,
                Actor.Party(Actors.PaymentProvider, provider.Name),
                raise,
                ApplicationCommands.Details(
                    ("paymentId", payment.PaymentId),
                    ("type", Codes.Of(paymentEvent.Type)),
                    ("amount", paymentEvent.Amount.ToString("0.00", CultureInfo.InvariantCulture)),
                    ("currency", paymentEvent.Currency)),
                Check: _ => paymentEvent.Type == PaymentEventType.Failed ? new Refusal("failed", "The payment failed at the provider; the fee stays due.") : null,
                RecordRefusals: true,
                ReceivedEvent: $"payment-{Codes.Of(paymentEvent.Type)}",
                RefusedEvent: refusal => refusal.Code switch
                {
                    "failed" => "payment-not-applied",
                    "decided" when paymentEvent.Type == PaymentEventType.Reversed => CommandEvents.PaymentReversedAfterDecision,
                    _ => CaseEvents.Rejected(CommandKinds.PaymentEvent),
                }),
            cancellationToken);

        var answer = result.Body as CommandAnswer;
        return result.Status switch
        {
            CommandStatus.Accepted => new PaymentEventResult(PaymentEventHandling.Applied, "raised on the workflow", answer),
            CommandStatus.Recorded => new PaymentEventResult(PaymentEventHandling.Recorded, result.Detail!, answer),
            CommandStatus.AlreadyDone => new PaymentEventResult(PaymentEventHandling.Duplicate, "this event was received before", answer),
            CommandStatus.Conflict => new PaymentEventResult(PaymentEventHandling.Conflict, result.Detail!),
            CommandStatus.NotFound => new PaymentEventResult(PaymentEventHandling.UnknownPayment, result.Detail!),
            _ => new PaymentEventResult(PaymentEventHandling.Malformed, result.Detail ?? "the application is still being registered; retry later"),
        };
    }

    static (PaymentEvent? Event, string? Problem) Parse(ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0 || body.Length > MaxEventBytes)
        {
            return (null, $"the event must be 1 to {MaxEventBytes} bytes of JSON");
        }

        PaymentEvent? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<PaymentEvent>(body.Span, Strict);
        }
        catch (JsonException e)
        {
            return (null, $"not a payment event: {JsonBody.Describe(e)}");
        }

        if (parsed is null)
        {
            return (null, "the event is null");
        }

        var errors = new ValidationErrors();
        TextRules.Id(errors, "eventId", parsed.EventId);
        TextRules.Id(errors, "paymentId", parsed.PaymentId);
        TextRules.Id(errors, "providerPaymentId", parsed.ProviderPaymentId);
        if (!ApplicationIds.IsWellFormed(parsed.ApplicationId))
        {
            errors.Add("applicationId", "is not an application id");
        }

        if (parsed.Amount < 0 || parsed.Amount > PaymentCommands.MaxAmount || decimal.Round(parsed.Amount, 2) != parsed.Amount)
        {
            errors.Add("amount", "must be an amount from 0 with at most two decimals");
        }

        if (parsed.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add("currency", "must be an ISO 4217 code");
        }

        return errors.IsValid
            ? (parsed, null)
            : (null, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
    }
}
