using Microsoft.DurableTask;

namespace Workflow.Orchestrations.Telemetry;

/// <summary>An activity of <see cref="PermitTasks"/> inside a span of <see cref="PermitTelemetry"/>, tagged with the application id.</summary>
internal sealed class TracedActivity(ITaskActivity inner, string name) : ITaskActivity
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        using System.Diagnostics.Activity? span = PermitTelemetry.StartActivity(name, context.InstanceId);
        try
        {
            return await inner.RunAsync(context, input);
        }
        catch (Exception e)
        {
            PermitTelemetry.Failed(span, e);
            throw;
        }
    }
}
