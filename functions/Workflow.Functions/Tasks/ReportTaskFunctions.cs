using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Reports;
using Workflow.Orchestrations.Workflows.MisuseReport;

namespace Workflow.Functions.Tasks;

/// <summary>The misuse report workflow's orchestrator and activity as functions, as <see cref="PermitOrchestratorFunctions"/> and <see cref="PermitActivityFunctions"/> wrap the permit workflow's.</summary>
public static class ReportTaskFunctions
{
    [Function(nameof(MisuseReportOrchestrator))]
    public static Task<MisuseReportResult> RunMisuseReport([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new MisuseReportOrchestrator().RunAsync(context, context.GetInput<MisuseReportInput>()!);
    }

    [Function(nameof(RecordReportTriageActivity))]
    public static Task<string> RecordReportTriage([ActivityTrigger] ReportTriageRecord input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<RecordReportTriageActivity, ReportTriageRecord, string>(input, instanceId, executionContext);
}
