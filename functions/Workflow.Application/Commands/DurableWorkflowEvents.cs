using Microsoft.DurableTask.Client;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Commands;

/// <summary>
/// Raises workflow events through the durable client (the local host's, or the Functions binding's). An event raised
/// while the workflow's start is still on its way is raised again once it runs: the Azure Storage provider discards an
/// event that reaches an instance before its start has been taken up ("No such instance"), which would leave the
/// command pending for good. The workflow acts on a message once, so the second raise changes nothing when the first
/// arrived.
/// </summary>
public sealed class DurableWorkflowEvents(DurableTaskClient client) : IWorkflowEvents
{
    /// <summary>How long a raise waits for a workflow that has not started yet (the start is usually taken up within a second).</summary>
    static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);

    public async Task RaiseAsync(string applicationId, string eventName, PermitMessage message, bool started, CancellationToken cancellationToken)
    {
        if (started)
        {
            await client.RaiseEventAsync(applicationId, eventName, message, cancellationToken);
            return;
        }

        // Read before raising: an instance that runs already takes the event; one still pending may discard it even if
        // it starts a moment later.
        OrchestrationMetadata? instance = await client.GetInstanceAsync(applicationId, getInputsAndOutputs: false, cancellationToken);
        await client.RaiseEventAsync(applicationId, eventName, message, cancellationToken);
        if (instance?.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
        {
            return;
        }

        if (!await InstanceWaits.UntilAsync(client, applicationId, now => now?.RuntimeStatus != OrchestrationRuntimeStatus.Pending, StartWait, TimeProvider.System, cancellationToken))
        {
            return; // still not started: the command stays pending, as its fate shows; the engine is far behind
        }

        await client.RaiseEventAsync(applicationId, eventName, message, cancellationToken);
    }
}
