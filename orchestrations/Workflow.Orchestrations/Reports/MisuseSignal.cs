namespace Workflow.Orchestrations.Reports;

/// <summary>What a misuse report signals; each kind belongs to one inspection (<see cref="ReportRouting"/>).</summary>
public enum MisuseSignal
{
    /// <summary>Paid below the salary the authorisation was granted on.</summary>
    Underpayment,

    /// <summary>Hours worked and not paid.</summary>
    UnpaidHours,

    /// <summary>Work other than the work authorised (another function, employer or place).</summary>
    UnauthorisedWork,

    /// <summary>Housing provided by the employer with too many people for its size.</summary>
    OvercrowdedHousing,

    /// <summary>Housing provided by the employer that is unsafe or unhealthy.</summary>
    UnsafeHousing,
}
