using Workflow.Orchestrations.Reports;

namespace Workflow.Orchestrations.Ports;

/// <summary>Where the report workflow writes its triage: the report's placements, which the inspections' queues and the reporter's view read.</summary>
public interface IMisuseReportTriage
{
    /// <summary>Records the step; safe to repeat (the same step again changes nothing).</summary>
    Task RecordAsync(ReportTriageRecord record, CancellationToken cancellationToken);
}
