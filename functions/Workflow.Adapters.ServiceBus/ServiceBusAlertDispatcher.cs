using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Adapters.Queues;

namespace Workflow.Adapters.ServiceBus;

/// <summary>
/// The "send" step of the alert outbox on Service Bus: puts an outbox payload (the JSON of an <c>SlaAlert</c>) on
/// topic <c>sla-alerts</c> with message id = the alert's idempotency key (application id + milestone), so the
/// topic's duplicate detection drops a resend by the publisher's retry or the outbox relay. The outbox row stays the
/// record of truth; writing it and marking it dispatched remain the Storage adapter's job (OutboxAlertPublisher,
/// OutboxRelay). Subject and application properties (milestone, audience, application id) let further subscriptions
/// filter by audience without reading the body.
/// </summary>
public sealed partial class ServiceBusAlertDispatcher : IAlertDispatcher, IAsyncDisposable
{
    readonly ServiceBusSender sender;
    readonly ILogger<ServiceBusAlertDispatcher> logger;

    public ServiceBusAlertDispatcher(ServiceBusClient client, IOptions<ServiceBusSettings> settings, ILogger<ServiceBusAlertDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        this.sender = client.CreateSender(settings.Value.SlaAlertsTopic);
        this.logger = logger;
    }

    /// <summary>Sends one outbox payload; <paramref name="idempotencyKey"/> becomes the message id.</summary>
    public async Task DispatchAsync(string idempotencyKey, string payload, CancellationToken cancellationToken)
    {
        ServiceBusMessage message = ServiceBusMessages.Text(payload, idempotencyKey);
        Describe(message, payload);
        await this.sender.SendMessageAsync(message, cancellationToken);
        LogSent(this.logger, idempotencyKey);
    }

    /// <summary>The idempotency key of an outbox payload, or null when the payload is not an alert.</summary>
    public static string? IdempotencyKeyOf(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("idempotencyKey", out JsonElement key)
                && key.ValueKind == JsonValueKind.String
                ? key.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Copies the routing fields of the alert (codes and ids only) into the subject and application properties.</summary>
    static void Describe(ServiceBusMessage message, string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach ((string property, string json) in new[] { ("applicationId", "applicationId"), ("milestone", "milestone"), ("audience", "audience") })
            {
                if (root.TryGetProperty(json, out JsonElement value) && value.ValueKind == JsonValueKind.String)
                {
                    message.ApplicationProperties[property] = value.GetString();
                }
            }

            if (message.ApplicationProperties.TryGetValue("milestone", out object? milestone))
            {
                message.Subject = milestone as string;
            }
        }
        catch (JsonException)
        {
            // Not an alert: sent as it is; the consumer dead-letters it.
        }
    }

    public ValueTask DisposeAsync() => this.sender.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA alert {IdempotencyKey} sent to Service Bus")]
    static partial void LogSent(ILogger logger, string idempotencyKey);
}
