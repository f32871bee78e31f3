using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

// The fakes are built with the SDK's mocking constructors: there is no connection to close, and the base DisposeAsync
// would dereference one.
#pragma warning disable CA2215

namespace Workflow.Functions.Tests.Support;

/// <summary>
/// Service Bus without a broker (none runs on these machines): the SDK's clients are mockable (protected constructors,
/// virtual members), so these fakes stand in for the namespace, and messages are built with
/// <see cref="ServiceBusModelFactory"/>. Entities are keyed by path (<c>queue</c>, <c>topic/Subscriptions/sub</c>,
/// <c>queue/$DeadLetterQueue</c>).
/// </summary>
internal sealed class FakeServiceBusClient : ServiceBusClient
{
    public ConcurrentDictionary<string, FakeSender> Senders { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, FakeReceiver> Receivers { get; } = new(StringComparer.Ordinal);

    public FakeSender Sender(string entity) => this.Senders.GetOrAdd(entity, e => new FakeSender(e));

    public FakeReceiver Receiver(string entityPath) => this.Receivers.GetOrAdd(entityPath, e => new FakeReceiver(e));

    public override ServiceBusSender CreateSender(string queueOrTopicName) => this.Sender(queueOrTopicName);

    public override ServiceBusReceiver CreateReceiver(string queueName, ServiceBusReceiverOptions options) =>
        this.Receiver(options?.SubQueue == SubQueue.DeadLetter ? $"{queueName}/$DeadLetterQueue" : queueName);

    public override ServiceBusReceiver CreateReceiver(string topicName, string subscriptionName, ServiceBusReceiverOptions options) =>
        this.Receiver($"{topicName}/Subscriptions/{subscriptionName}");

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class FakeSender(string entityPath) : ServiceBusSender
{
    public ConcurrentQueue<ServiceBusMessage> Sent { get; } = new();

    /// <summary>Set to make sends fail.</summary>
    public Exception? Failure { get; set; }

    public override string EntityPath => entityPath;

    public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        if (this.Failure is { } failure)
        {
            return Task.FromException(failure);
        }

        this.Sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A peek-lock receiver over a list of messages; records how each was settled.</summary>
internal sealed class FakeReceiver(string entityPath) : ServiceBusReceiver
{
    readonly ConcurrentQueue<ServiceBusReceivedMessage> available = new();
    readonly List<ServiceBusReceivedMessage> all = [];

    public ConcurrentQueue<ServiceBusReceivedMessage> Completed { get; } = new();

    public ConcurrentQueue<(ServiceBusReceivedMessage Message, string Reason, string? Description)> DeadLettered { get; } = new();

    public ConcurrentQueue<ServiceBusReceivedMessage> Abandoned { get; } = new();

    public List<(int MaxMessages, TimeSpan? MaxWaitTime)> Receives { get; } = [];

    public override string EntityPath => entityPath;

    public override ServiceBusReceiveMode ReceiveMode => ServiceBusReceiveMode.PeekLock;

    public void Add(params ServiceBusReceivedMessage[] messages)
    {
        foreach (ServiceBusReceivedMessage message in messages)
        {
            this.available.Enqueue(message);
            this.all.Add(message);
        }
    }

    public override Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan? maxWaitTime = null, CancellationToken cancellationToken = default)
    {
        this.Receives.Add((maxMessages, maxWaitTime));
        var batch = new List<ServiceBusReceivedMessage>();
        while (batch.Count < maxMessages && this.available.TryDequeue(out ServiceBusReceivedMessage? message))
        {
            batch.Add(message);
        }

        return Task.FromResult<IReadOnlyList<ServiceBusReceivedMessage>>(batch);
    }

    public override Task<IReadOnlyList<ServiceBusReceivedMessage>> PeekMessagesAsync(int maxMessages, long? fromSequenceNumber = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ServiceBusReceivedMessage>>([.. this.all
            .Where(m => !this.Completed.Contains(m) && m.SequenceNumber >= (fromSequenceNumber ?? long.MinValue))
            .OrderBy(m => m.SequenceNumber)
            .Take(maxMessages)]);

    public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
    {
        this.Completed.Enqueue(message);
        return Task.CompletedTask;
    }

    public override Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default)
    {
        this.DeadLettered.Enqueue((message, deadLetterReason, deadLetterErrorDescription));
        return Task.CompletedTask;
    }

    public override Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default)
    {
        this.Abandoned.Enqueue(message);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal static class Messages
{
    static long sequence = 100;

    public static ServiceBusReceivedMessage Received(
        string body, string messageId, int deliveryCount = 1, IDictionary<string, object>? properties = null, string? correlationId = null) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString(body),
            messageId: messageId,
            correlationId: correlationId,
            contentType: "application/json",
            properties: properties,
            lockTokenGuid: Guid.NewGuid(),
            deliveryCount: deliveryCount,
            sequenceNumber: Interlocked.Increment(ref sequence),
            enqueuedTime: new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
}
