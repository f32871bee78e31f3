namespace Workflow.Application.Reports;

/// <summary>A report id's reservation: the reference and case id under it, the content's fingerprint, and whether this call made it.</summary>
public sealed record ReportReservation(string Reference, string CaseId, string Fingerprint, bool New);
