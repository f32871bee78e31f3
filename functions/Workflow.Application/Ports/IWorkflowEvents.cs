using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Ports;

/// <summary>Raises an event on an application's workflow (the durable client's RaiseEventAsync, behind a seam the tests can fault).</summary>
public interface IWorkflowEvents
{
    Task RaiseAsync(string applicationId, string eventName, PermitMessage message, CancellationToken cancellationToken);
}
