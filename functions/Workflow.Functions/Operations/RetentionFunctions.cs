using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Retention;

namespace Workflow.Functions.Operations;

/// <summary>The retention job in Azure: the same <see cref="RetentionService"/> as the local host's, on a timer.</summary>
public static class RetentionFunctions
{
    /// <summary>Schedule setting <c>RetentionSchedule</c> (NCRONTAB, default hourly); periods in section <c>Retention</c>.</summary>
    [Function("RunRetention")]
    public static Task<RetentionRun> RunRetention(
        [TimerTrigger("%RetentionSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActivatorUtilities.CreateInstance<RetentionService>(context.InstanceServices, client).RunAsync(cancellationToken);
    }
}
