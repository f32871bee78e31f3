using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Queues;

/// <summary>
/// The one encoding of Storage queue messages on this platform: the body is plain UTF-8 JSON text written with
/// <see cref="WorkflowJson.Options"/>, no base64 (the client's <see cref="QueueMessageEncoding.None"/>; a Functions
/// queue trigger needs <c>"messageEncoding": "none"</c> to match). Every sender and reader goes through here.
/// </summary>
public static class StorageQueueMessages
{
    /// <summary>"Never expires" for Storage queues (the default is 7 days, shorter than a slow federal answer).</summary>
    public static readonly TimeSpan KeepForever = TimeSpan.FromSeconds(-1);

    /// <summary>Client options for every queue client: plain-text messages, a few retries.</summary>
    public static QueueClientOptions ClientOptions()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        AzureClients.ApplyRetry(options.Retry);
        return options;
    }

    /// <summary>The JSON text of a value, as it goes on a queue.</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, WorkflowJson.Options);

    /// <summary>The body of a received message as text.</summary>
    public static string ReadText(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Body?.ToString() ?? "";
    }

    /// <summary>The body of a received message as raw UTF-8 bytes (what handlers of JSON take).</summary>
    public static ReadOnlyMemory<byte> ReadBytes(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Body?.ToMemory() ?? ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>Reads a received message as JSON; throws <see cref="JsonException"/> when it is not.</summary>
    public static T? Read<T>(QueueMessage message) => JsonSerializer.Deserialize<T>(ReadBytes(message).Span, WorkflowJson.Options);

    /// <summary>Sends a value as JSON text.</summary>
    public static Task<Response<SendReceipt>> SendJsonAsync<T>(
        this QueueClient queue, T value, CancellationToken cancellationToken, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null) =>
        queue.SendTextAsync(ToJson(value), cancellationToken, visibilityTimeout, timeToLive);

    /// <summary>
    /// Sends JSON text that is already serialised (an outbox payload, say). A message visible at once wakes this host's
    /// idle poller of the queue (<see cref="QueueWakeUps"/>).
    /// </summary>
    public static async Task<Response<SendReceipt>> SendTextAsync(
        this QueueClient queue, string json, CancellationToken cancellationToken, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        Response<SendReceipt> sent = await queue.SendMessageAsync(BinaryData.FromString(json), visibilityTimeout, timeToLive, cancellationToken);
        if ((visibilityTimeout is null || visibilityTimeout <= TimeSpan.Zero) && queue.Uri is Uri address) // a test double may have none
        {
            QueueWakeUps.Nudge(address);
        }

        return sent;
    }
}
