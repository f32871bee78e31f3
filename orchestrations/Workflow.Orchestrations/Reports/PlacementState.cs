namespace Workflow.Orchestrations.Reports;

/// <summary>Where a report stands with one inspection.</summary>
public enum PlacementState
{
    /// <summary>In the inspection's queue.</summary>
    Open,

    /// <summary>Passed on to the other inspection.</summary>
    Forwarded,

    /// <summary>Closed by the inspection with an outcome.</summary>
    Closed,
}
