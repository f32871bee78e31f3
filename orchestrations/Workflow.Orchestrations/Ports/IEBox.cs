namespace Workflow.Orchestrations.Ports;

/// <summary>
/// The e-Box: the government's electronic mailbox of an enterprise, where the authority's letters reach employers.
/// Delivers once per idempotency key: a repeat with a key already delivered does nothing.
/// </summary>
public interface IEBox
{
    Task DeliverAsync(EBoxDelivery delivery, CancellationToken cancellationToken);
}
