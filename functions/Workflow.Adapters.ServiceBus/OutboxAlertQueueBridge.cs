using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Workflow.Adapters.ServiceBus;

/// <summary>
/// <b>Interim</b>: puts the Service Bus alert dispatch under the Storage adapter's alert outbox without copying it.
/// OutboxAlertPublisher and OutboxRelay (Workflow.Adapters) write the outbox row, send its payload to the
/// <c>sla-alerts</c> queue client they get from <see cref="QueueServiceClient"/>, and mark the row dispatched. This
/// <see cref="QueueServiceClient"/> hands them, for that one queue name, a client whose send goes to
/// <see cref="ServiceBusAlertDispatcher"/> (topic <c>sla-alerts</c>, message id = idempotency key); every other queue
/// is the real storage queue. Remove it once Workflow.Adapters takes a dispatch abstraction (docs/azure.md,
/// "Alert outbox"); then register <see cref="ServiceBusAlertDispatcher"/> as that abstraction instead.
/// </summary>
public sealed class OutboxAlertQueueBridge : QueueServiceClient
{
    readonly QueueServiceClient storage;
    readonly string alertsQueueName;
    readonly AlertTopicQueueClient alerts;

    public OutboxAlertQueueBridge(QueueServiceClient storage, string alertsQueueName, ServiceBusAlertDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrWhiteSpace(alertsQueueName);
        ArgumentNullException.ThrowIfNull(dispatcher);
        this.storage = storage;
        this.alertsQueueName = alertsQueueName;
        this.alerts = new AlertTopicQueueClient(alertsQueueName, dispatcher);
    }

    public override Uri Uri => this.storage.Uri;

    public override string AccountName => this.storage.AccountName;

    public override QueueClient GetQueueClient(string queueName) =>
        string.Equals(queueName, this.alertsQueueName, StringComparison.Ordinal) ? this.alerts : this.storage.GetQueueClient(queueName);

    /// <summary>The <c>sla-alerts</c> "queue": sends go to the topic; it needs no creating (infra/ provisions the topic).</summary>
    internal sealed class AlertTopicQueueClient(string name, ServiceBusAlertDispatcher dispatcher) : QueueClient
    {
        public override string Name => name;

        public override async Task<Response<SendReceipt>> SendMessageAsync(
            BinaryData message, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(message);
            await this.SendAsync(message.ToString(), cancellationToken);
            return Response.FromValue<SendReceipt>(null!, null!);
        }

        public override async Task<Response<SendReceipt>> SendMessageAsync(
            string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
        {
            await this.SendAsync(messageText, cancellationToken);
            return Response.FromValue<SendReceipt>(null!, null!);
        }

        public override Task<Response<SendReceipt>> SendMessageAsync(string messageText) =>
            this.SendMessageAsync(messageText, null, null, CancellationToken.None);

        public override Task<Response<SendReceipt>> SendMessageAsync(string messageText, CancellationToken cancellationToken) =>
            this.SendMessageAsync(messageText, null, null, cancellationToken);

        public override Task<Response> CreateIfNotExistsAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<Response>(null!);

        public override Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(Response.FromValue(false, null!));

        Task SendAsync(string payload, CancellationToken cancellationToken)
        {
            string key = ServiceBusAlertDispatcher.IdempotencyKeyOf(payload)
                ?? throw new InvalidOperationException("An outbox payload without an idempotency key cannot go to the sla-alerts topic.");
            return dispatcher.DispatchAsync(key, payload, cancellationToken);
        }
    }
}
