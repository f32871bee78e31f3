using Workflow.Orchestrations.Reports;

namespace Workflow.Application.Reports;

/// <summary>An inspection's queue: the reports it holds open, oldest first.</summary>
public sealed record InspectionWorklist(Inspection Inspection, IReadOnlyList<InspectionReportView> Reports);
