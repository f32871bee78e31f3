namespace Workflow.Orchestrations.Reports;

/// <summary>How the report's triage ended: its placements when no inspection held it open any more.</summary>
public sealed record MisuseReportResult(string CaseId, IReadOnlyList<ReportPlacement> Placements);
