namespace Workflow.Application.Reports;

/// <summary>
/// Who reported, kept in a table of its own that only the inspectors' view reads (never the application's timeline,
/// case index or any employer's view): the contact the reporter chose to give, and for a signed-in reporter the
/// token's role, subject and display name.
/// </summary>
public sealed record ReporterRecord(string? ContactName, string? Email, string? Phone, string? Role, string? Subject, string? Name);
