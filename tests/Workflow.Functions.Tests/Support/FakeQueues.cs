using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Workflow.Functions.Tests.Support;

/// <summary>Storage queues in memory through the SDK's mockable clients: records what is sent to each queue.</summary>
internal sealed class FakeQueueServiceClient : QueueServiceClient
{
    readonly ConcurrentDictionary<string, FakeQueueClient> queues = new(StringComparer.Ordinal);

    public FakeQueueClient Queue(string name) => this.queues.GetOrAdd(name, n => new FakeQueueClient(n));

    public override QueueClient GetQueueClient(string queueName) => this.Queue(queueName);
}

internal sealed class FakeQueueClient(string name) : QueueClient
{
    public ConcurrentQueue<string> Sent { get; } = new();

    public override string Name => name;

    public override Task<Response<SendReceipt>> SendMessageAsync(
        BinaryData message, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        this.Sent.Enqueue(message.ToString());
        return Task.FromResult(Response.FromValue<SendReceipt>(null!, null!));
    }
}
