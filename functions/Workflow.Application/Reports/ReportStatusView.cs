namespace Workflow.Application.Reports;

/// <summary>A report as its reporter follows it: the state only, whether an inspection passed it to the other, and when it was received.</summary>
public sealed record ReportStatusView(string Reference, ReportProgress State, bool Forwarded, DateTimeOffset ReceivedAt);
