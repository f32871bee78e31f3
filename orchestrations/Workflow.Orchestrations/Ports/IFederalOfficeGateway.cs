using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Ports;

/// <summary>Sends handoffs and cancellations to the federal immigration office (queue <c>federal-handoff</c>).</summary>
public interface IFederalOfficeGateway
{
    /// <summary>Sends a message; its <see cref="FederalOutboundMessage.MessageId"/> is the idempotency key.</summary>
    Task SendAsync(FederalOutboundMessage message, CancellationToken cancellationToken);
}
