using Workflow.Orchestrations.Reports;

namespace Workflow.Application.Reports;

/// <summary>
/// A report as an inspector reads it: what was reported, where it stands with each inspection, the applications of the
/// named employer (ids from the applicant index), the reporter (the contact given, or the signed-in person), and every
/// action with who took it and why.
/// </summary>
public sealed record InspectionReportView(
    string Reference,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<MisuseSignal> Signals,
    string? EmployerKbo,
    string? WorkerSituation,
    string Description,
    IReadOnlyList<ReportPlacement> Inspections,
    IReadOnlyList<string> EmployerApplications,
    ReporterRecord? Reporter,
    IReadOnlyList<ReportActionRecord> Actions);
