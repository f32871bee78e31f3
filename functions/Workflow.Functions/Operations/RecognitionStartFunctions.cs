using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Recognition;

namespace Workflow.Functions.Operations;

/// <summary>The recognition follow-ups' starter in Azure (§2.6): the same <see cref="RecognitionFollowUpStarter"/> as the local host's job, on a timer.</summary>
public static class RecognitionStartFunctions
{
    /// <summary>Schedule setting <c>RecognitionStartSchedule</c> (NCRONTAB, default every minute).</summary>
    [Function("StartRecognitionFollowUps")]
    public static Task<int> StartRecognitionFollowUps(
        [TimerTrigger("%RecognitionStartSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActivatorUtilities.CreateInstance<RecognitionFollowUpStarter>(context.InstanceServices, client).StartRequestedAsync(cancellationToken);
    }
}
