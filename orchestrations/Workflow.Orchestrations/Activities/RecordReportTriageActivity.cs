using Microsoft.DurableTask;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Reports;

namespace Workflow.Orchestrations.Activities;

/// <summary>Writes a misuse report's triage step (<see cref="IMisuseReportTriage"/>): where the report is now, and the fate of the action that moved it.</summary>
public sealed class RecordReportTriageActivity(IMisuseReportTriage triage) : TaskActivity<ReportTriageRecord, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, ReportTriageRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await triage.RecordAsync(input, CancellationToken.None);
        return input.CaseId;
    }
}
