namespace Workflow.Orchestrations.Reports;

/// <summary>The report workflow's input: the report's case id (not the reporter's reference) and its signals; nothing else.</summary>
public sealed record MisuseReportInput(string CaseId, IReadOnlyList<MisuseSignal> Signals);
