using Workflow.Orchestrations.Reports;

namespace Workflow.Application.Reports;

/// <summary>A report's content once checked (<see cref="ReportValidation.Check(MisuseReportRequest, Validation.ValidationErrors)"/>): what its fingerprint covers.</summary>
public sealed record MisuseReportContent(
    string? EmployerKbo,
    string? WorkerSituation,
    IReadOnlyList<MisuseSignal> Signals,
    string Description,
    ReporterContact? Contact);
