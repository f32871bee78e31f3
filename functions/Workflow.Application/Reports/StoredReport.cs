using Workflow.Orchestrations.Reports;

namespace Workflow.Application.Reports;

/// <summary>
/// A report as the reports table keeps it: its case id (the workflow's instance id), the reporter's reference, what was
/// reported, and its placements with the inspections (empty until the workflow routed it).
/// </summary>
public sealed record StoredReport(
    string CaseId,
    string Reference,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<MisuseSignal> Signals,
    string? EmployerKbo,
    string? WorkerSituation,
    string Description,
    IReadOnlyList<ReportPlacement> Placements);
