using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Orchestrations.Telemetry;

namespace Workflow.Functions.Tasks;

/// <summary>
/// The <see cref="TaskActivityContext"/> an activity wrapper hands its class-based activity: the task name and the
/// orchestration instance id (bound from the activity trigger's metadata), as the Durable source generator's wrappers do.
/// </summary>
public sealed class FunctionsActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}

/// <summary>Runs a class-based activity inside its [ActivityTrigger] wrapper: resolved from DI, as in the local worker.</summary>
public static class ActivityRunner
{
    public static async Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, string instanceId, FunctionContext executionContext)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        TActivity activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(executionContext.InstanceServices);
        return await PermitTelemetry.TraceAsync(
            typeof(TActivity).Name, instanceId, () => activity.RunAsync(new FunctionsActivityContext(new TaskName(typeof(TActivity).Name), instanceId), input));
    }
}
