using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Ports;

/// <summary>An alert as delivered to its audience, once per idempotency key however often the queue delivered it.</summary>
public sealed record DeliveredAlert(SlaAlert Alert, DateTimeOffset DeliveredAt, int Deliveries);

/// <summary>The alerts managers (and the other audiences) received: what the <c>sla-alerts</c> consumer recorded.</summary>
public interface IManagerAlertInbox
{
    /// <summary>Records a delivery; a second delivery of the same key counts, it does not add an alert. Returns true the first time.</summary>
    Task<bool> RecordDeliveryAsync(SlaAlert alert, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveredAlert>> ListAsync(string? applicationId, CancellationToken cancellationToken);
}
