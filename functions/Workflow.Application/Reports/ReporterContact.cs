namespace Workflow.Application.Reports;

/// <summary>How the reporter chose to be reached, all optional; kept apart from the report, read only by inspectors.</summary>
public sealed record ReporterContact(string? Name, string? Email, string? Phone);
