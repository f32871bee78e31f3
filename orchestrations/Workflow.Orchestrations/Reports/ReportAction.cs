namespace Workflow.Orchestrations.Reports;

/// <summary>
/// The event an inspector's action raises on the report's workflow: its id, what, and from which inspection. Who acted
/// and why stay in the reports table (<c>ActionId</c> names the row): no person in the workflow's history.
/// </summary>
public sealed record ReportAction(string ActionId, ReportActionKind Kind, Inspection From);
