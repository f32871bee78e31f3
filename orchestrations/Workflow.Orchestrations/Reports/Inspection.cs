namespace Workflow.Orchestrations.Reports;

/// <summary>The inspections a misuse report can reach (concept note §2.8): labour and housing.</summary>
public enum Inspection
{
    /// <summary>The Flemish social inspection: pay, hours, work other than authorised.</summary>
    Social,

    /// <summary>The housing inspection: housing the employer provides.</summary>
    Housing,
}
