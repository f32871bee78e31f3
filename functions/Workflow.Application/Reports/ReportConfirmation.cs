namespace Workflow.Application.Reports;

/// <summary>The short confirmation a reporter reads, in Dutch and English.</summary>
public sealed record ReportConfirmation(string Nl, string En);
