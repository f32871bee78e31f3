using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Ports;

/// <summary>Raises an event on an application's workflow (the durable client's RaiseEventAsync, behind a seam the tests can fault).</summary>
public interface IWorkflowEvents
{
    /// <param name="applicationId">The workflow's instance id.</param>
    /// <param name="eventName">The event.</param>
    /// <param name="message">Its payload.</param>
    /// <param name="started">The workflow is known to have started (it recorded a transition): no need to look whether its start is still on its way.</param>
    /// <param name="cancellationToken">Cancels the raise.</param>
    Task RaiseAsync(string applicationId, string eventName, PermitMessage message, bool started, CancellationToken cancellationToken);
}
