using Workflow.Orchestrations.Reports;

namespace Workflow.Application.Reports;

/// <summary>The answer to an inspector's forward or close: the report, the action and whether it was a repeat.</summary>
public sealed record ReportActionAnswer(string Reference, string ActionId, ReportActionKind Kind, bool Repeated);
