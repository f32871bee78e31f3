namespace Workflow.Application.Reports;

/// <summary>Where a report stands as its reporter sees it: never who handles it or what was found.</summary>
public enum ReportProgress
{
    /// <summary>Received, not yet in an inspection's queue.</summary>
    Received,

    WithSocialInspection,

    WithHousingInspection,

    /// <summary>Both inspections hold it (labour and housing signals, or forwarded while the other still had it).</summary>
    WithSocialAndHousingInspections,

    /// <summary>No inspection holds it open any more.</summary>
    Closed,
}
