using Microsoft.DurableTask;

namespace Workflow.Orchestrations.Telemetry;

/// <summary>An activity of <see cref="PermitTasks"/> inside a span of <see cref="PermitTelemetry"/>, tagged with the application id.</summary>
internal sealed class TracedActivity(ITaskActivity inner, string name) : ITaskActivity
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PermitTelemetry.TraceAsync(name, context.InstanceId, () => inner.RunAsync(context, input));
    }
}
