using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Ports;

/// <summary>
/// Publishes SLA alerts through the outbox (docs/design.md#alerts-and-the-outbox): the outbox row keyed by the alert's idempotency key is the
/// record of truth; the queue or topic behind it is at-least-once and its consumers de-duplicate on the key.
/// </summary>
public interface IAlertPublisher
{
    Task PublishAsync(SlaAlert alert, CancellationToken cancellationToken);
}
