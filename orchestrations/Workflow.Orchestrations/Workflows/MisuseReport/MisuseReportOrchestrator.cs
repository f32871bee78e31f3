using Microsoft.DurableTask;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Reports;

namespace Workflow.Orchestrations.Workflows.MisuseReport;

/// <summary>
/// One misuse report (concept note §2.8), from its routing to the inspections its signals reach until none holds it
/// open: each inspector's forward or close arrives as a <see cref="ReportAction"/> event and is applied by the pure
/// <see cref="ReportTriage"/>. The input is the case id and the signal kinds only; the description, the employer and
/// the reporter stay in the reports table. No I/O here and nothing nondeterministic: every write is the activity's.
/// </summary>
public sealed class MisuseReportOrchestrator : TaskOrchestrator<MisuseReportInput, MisuseReportResult>
{
    static readonly TaskOptions Retries = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public override async Task<MisuseReportResult> RunAsync(TaskOrchestrationContext context, MisuseReportInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        IReadOnlyList<ReportPlacement> placements = ReportTriage.Route(input.Signals);
        await Record(context, new ReportTriageRecord(input.CaseId, null, Applied: true, placements));

        var handled = new HashSet<string>(StringComparer.Ordinal); // an action raised again (a repeat whose first raise may have been lost) counts once
        while (!ReportTriage.IsSettled(placements))
        {
            ReportAction action = await context.WaitForExternalEvent<ReportAction>(ReportEvents.Action);
            if (!handled.Add(action.ActionId))
            {
                continue;
            }

            IReadOnlyList<ReportPlacement>? next = ReportTriage.Apply(placements, action);
            placements = next ?? placements;
            await Record(context, new ReportTriageRecord(input.CaseId, action.ActionId, Applied: next is not null, placements));
        }

        return new MisuseReportResult(input.CaseId, placements);
    }

    static Task<string> Record(TaskOrchestrationContext context, ReportTriageRecord record) =>
        context.CallActivityAsync<string>(nameof(RecordReportTriageActivity), record, Retries);
}
