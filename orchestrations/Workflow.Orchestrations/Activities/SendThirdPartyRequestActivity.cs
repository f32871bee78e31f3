using Microsoft.DurableTask;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>Sends a request to a third party (document authentication, §2.1 art. 63 BVR; screening advice, §2.7), once per key.</summary>
public sealed class SendThirdPartyRequestActivity(IThirdPartyGateway gateway) : TaskActivity<ThirdPartyRequest, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, ThirdPartyRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await gateway.SendAsync(input, CancellationToken.None);
        return input.IdempotencyKey;
    }
}
