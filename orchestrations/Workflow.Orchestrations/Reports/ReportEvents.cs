namespace Workflow.Orchestrations.Reports;

/// <summary>The external events of the misuse report workflow.</summary>
public static class ReportEvents
{
    /// <summary>An inspector's <see cref="ReportAction"/>.</summary>
    public const string Action = "report-action";
}
