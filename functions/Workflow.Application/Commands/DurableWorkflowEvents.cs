using Microsoft.DurableTask.Client;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Commands;

/// <summary>Raises workflow events through the durable client (the local host's, or the Functions binding's).</summary>
public sealed class DurableWorkflowEvents(DurableTaskClient client) : IWorkflowEvents
{
    public Task RaiseAsync(string applicationId, string eventName, PermitMessage message, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(applicationId, eventName, message, cancellationToken);
}
