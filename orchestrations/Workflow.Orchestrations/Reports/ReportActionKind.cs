namespace Workflow.Orchestrations.Reports;

/// <summary>What an inspector does with a report in the inspection's queue.</summary>
public enum ReportActionKind
{
    /// <summary>Pass it to the other inspection.</summary>
    Forward,

    /// <summary>Close it for this inspection.</summary>
    Close,
}
