namespace Workflow.Application.Reports;

/// <summary>How an inspection closed a report.</summary>
public enum ReportOutcome
{
    /// <summary>Inspected; the misuse was found and is followed up by the inspection's own procedure.</summary>
    Substantiated,

    /// <summary>Inspected; nothing was found.</summary>
    Unsubstantiated,

    /// <summary>Too little to act on.</summary>
    InsufficientInformation,

    /// <summary>Already known from another report or an inspection under way.</summary>
    Duplicate,
}
