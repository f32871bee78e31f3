using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.ServiceBus;

/// <summary>
/// The one encoding of Service Bus messages on this platform, the same as on the Storage queues: the body is UTF-8
/// JSON written with <see cref="WorkflowJson.Options"/>, content type <c>application/json</c>. The message id is the
/// sender's idempotency key, so the broker's duplicate detection drops a resend within its window and consumers
/// de-duplicate on it after that (docs/design.md#alerts-and-the-outbox).
/// </summary>
public static class ServiceBusMessages
{
    public const string JsonContentType = "application/json";

    /// <summary>Longest message id Service Bus accepts.</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>A JSON message for <paramref name="value"/> with the given idempotency key as message id.</summary>
    public static ServiceBusMessage Json<T>(T value, string messageId) =>
        Text(JsonSerializer.Serialize(value, WorkflowJson.Options), messageId);

    /// <summary>A message whose body is JSON text that is already serialised (an outbox payload, say).</summary>
    public static ServiceBusMessage Text(string json, string messageId)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        if (messageId.Length > MaxMessageIdLength)
        {
            throw new ArgumentException($"A Service Bus message id has at most {MaxMessageIdLength} characters.", nameof(messageId));
        }

        return new ServiceBusMessage(BinaryData.FromString(json))
        {
            MessageId = messageId,
            ContentType = JsonContentType,
        };
    }
}
