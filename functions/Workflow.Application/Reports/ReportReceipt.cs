namespace Workflow.Application.Reports;

/// <summary>
/// The answer to a report: the reference to follow it by (a secret: whoever holds it sees the report's state), where to
/// follow it, whether this was a repeat, and the confirmation in Dutch and English.
/// </summary>
public sealed record ReportReceipt(string Reference, string StatusUrl, bool Repeated, ReportConfirmation Confirmation);
