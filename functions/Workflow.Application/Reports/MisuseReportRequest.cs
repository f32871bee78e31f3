namespace Workflow.Application.Reports;

/// <summary>
/// A misuse report as the reporter sends it (<c>POST /api/reports</c>): the client's report id (a repeat with the same
/// id and content is answered from the first), what is reported (an employer's KBO number and/or the worker's situation
/// in free text, no identifiers required), the signals (codes of <see cref="Orchestrations.Reports.MisuseSignal"/>), a
/// description, and optionally how to reach the reporter.
/// </summary>
public sealed record MisuseReportRequest(
    string? ReportId,
    string? EmployerKbo,
    string? WorkerSituation,
    IReadOnlyList<string>? Signals,
    string? Description,
    ReporterContact? Contact);
