namespace Workflow.Adapters.Queues;

/// <summary>
/// The one step of the alert outbox that depends on the transport: sending an alert's payload on, keyed by its
/// idempotency key (consumers de-duplicate on it; on Service Bus it is the message id). Storage queue <c>sla-alerts</c>
/// locally (<see cref="QueueAlertDispatcher"/>), Service Bus topic <c>sla-alerts</c> in Azure.
/// </summary>
public interface IAlertDispatcher
{
    Task DispatchAsync(string idempotencyKey, string payload, CancellationToken cancellationToken);
}
