using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>Sends the handoff to the federal office, or its cancellation after a Flemish refusal.</summary>
public sealed class SendFederalMessageActivity(IFederalOfficeGateway gateway) : TaskActivity<FederalOutboundMessage, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, FederalOutboundMessage input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await gateway.SendAsync(input, CancellationToken.None);
        return input.MessageId;
    }
}
