namespace Workflow.Application.Reports;

/// <summary>An inspector passes a report to the other inspection: the action's id (idempotency), the inspection it is forwarded from, and why.</summary>
public sealed record ForwardReportRequest(string? ActionId, string? From, string? Reason);
