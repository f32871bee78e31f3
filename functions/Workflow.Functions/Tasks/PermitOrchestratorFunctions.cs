using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Workflows.PermitApplication;

namespace Workflow.Functions.Tasks;

/// <summary>
/// One [OrchestrationTrigger] wrapper per orchestrator of <c>PermitTasks.Orchestrators</c>, named after its class
/// (the name the local host registers it under). The orchestrator is constructed directly: it has no dependencies
/// and keeps no state between runs. A test checks that every orchestrator has exactly one wrapper.
/// </summary>
public static class PermitOrchestratorFunctions
{
    [Function(nameof(PermitApplicationOrchestrator))]
    public static Task<PermitApplicationResult> RunPermitApplication([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PermitApplicationOrchestrator().RunAsync(context, context.GetInput<PermitApplicationInput>()!);
    }
}
