using Azure.Storage.Queues;

namespace Workflow.Adapters.Queues;

/// <summary>Sends alerts to the Storage queue <c>sla-alerts</c>; the payload carries its idempotency key.</summary>
public sealed class QueueAlertDispatcher(QueueServiceClient queues, StorageNames names) : IAlertDispatcher
{
    readonly QueueClient alerts = queues.GetQueueClient(names.SlaAlertsQueue);

    public Task DispatchAsync(string idempotencyKey, string payload, CancellationToken cancellationToken) =>
        this.alerts.SendTextAsync(payload, cancellationToken);
}
