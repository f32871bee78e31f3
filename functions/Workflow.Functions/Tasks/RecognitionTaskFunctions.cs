using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Functions.Tasks;

/// <summary>The recognition follow-up's orchestrator and activity (§2.6) as functions, as <see cref="PermitOrchestratorFunctions"/> and <see cref="PermitActivityFunctions"/> wrap the permit workflow's.</summary>
public static class RecognitionTaskFunctions
{
    [Function(nameof(RecognitionFollowUpOrchestrator))]
    public static Task<RecognitionFollowUpResult> RunRecognitionFollowUp([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RecognitionFollowUpOrchestrator().RunAsync(context, context.GetInput<RecognitionFollowUpInput>()!);
    }

    [Function(nameof(RecordRecognitionFollowUpActivity))]
    public static Task<int> RecordRecognitionFollowUp([ActivityTrigger] RecognitionFollowUpRecord input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<RecordRecognitionFollowUpActivity, RecognitionFollowUpRecord, int>(input, instanceId, executionContext);
}
