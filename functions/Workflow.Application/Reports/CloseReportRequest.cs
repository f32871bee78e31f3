namespace Workflow.Application.Reports;

/// <summary>An inspector closes a report for an inspection: the action's id (idempotency), the inspection, the outcome (a <see cref="ReportOutcome"/> code) and an optional note.</summary>
public sealed record CloseReportRequest(string? ActionId, string? Inspection, string? Outcome, string? Note);
