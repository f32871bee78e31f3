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
        return RunAsync(name, context.InstanceId, () => inner.RunAsync(context, input));
    }

    /// <summary>Runs an activity (or a part of one) inside its span, marked failed when it throws.</summary>
    public static async Task<T> RunAsync<T>(string name, string instanceId, Func<Task<T>> run)
    {
        using System.Diagnostics.Activity? span = PermitTelemetry.StartActivity(name, instanceId);
        try
        {
            return await run();
        }
        catch (Exception e)
        {
            PermitTelemetry.Failed(span, e);
            throw;
        }
    }
}
