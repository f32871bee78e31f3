using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Ports;

/// <summary>An alert as delivered to its audience, once per idempotency key however often the queue delivered it.</summary>
public sealed record DeliveredAlert(SlaAlert Alert, DateTimeOffset DeliveredAt, int Deliveries);

/// <summary>A page of delivered alerts and the token of the next page (null on the last).</summary>
public sealed record AlertPage(IReadOnlyList<DeliveredAlert> Items, string? Continuation);

/// <summary>The alerts managers (and the other audiences) received: what the <c>sla-alerts</c> consumer recorded.</summary>
public interface IManagerAlertInbox
{
    /// <summary>Records a delivery; a second delivery of the same key counts, it does not add an alert. Returns true the first time.</summary>
    Task<bool> RecordDeliveryAsync(SlaAlert alert, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// The alerts of one application (all of them: a handful at most), or, without one, every alert newest delivery
    /// first, a page at a time from an index kept in that order.
    /// </summary>
    Task<AlertPage> ListAsync(string? applicationId, int pageSize, string? continuation, CancellationToken cancellationToken);
}
