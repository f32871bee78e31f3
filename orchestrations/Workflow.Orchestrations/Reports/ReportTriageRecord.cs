namespace Workflow.Orchestrations.Reports;

/// <summary>
/// A triage step to record: the report's placements after routing (<see cref="ActionId"/> null) or after an inspector's
/// action, and whether that action applied (an action whose inspection no longer held the report is recorded as refused).
/// </summary>
public sealed record ReportTriageRecord(string CaseId, string? ActionId, bool Applied, IReadOnlyList<ReportPlacement> Placements);
