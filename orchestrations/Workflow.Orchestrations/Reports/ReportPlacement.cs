namespace Workflow.Orchestrations.Reports;

/// <summary>A report's place with one inspection.</summary>
public sealed record ReportPlacement(Inspection Inspection, PlacementState State);
