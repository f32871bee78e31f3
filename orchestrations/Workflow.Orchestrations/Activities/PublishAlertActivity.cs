using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>Publishes an SLA or deadline alert through the outbox, keyed by application id + milestone.</summary>
public sealed class PublishAlertActivity(IAlertPublisher alerts) : TaskActivity<SlaAlert, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, SlaAlert input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await alerts.PublishAsync(input, CancellationToken.None);
        return input.IdempotencyKey;
    }
}
