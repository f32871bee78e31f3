using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Ports;

/// <summary>Notifies employers and workers (in reality: the employer's eBox and the worker's address). Idempotent on the key.</summary>
public interface INotificationSender
{
    Task SendAsync(PartyNotification notification, CancellationToken cancellationToken);
}
