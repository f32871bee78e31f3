namespace Workflow.Orchestrations.Workflows.PermitApplication.V1;

/// <summary>How the admissibility phase ended.</summary>
internal enum AdmissibilityOutcome
{
    Admissible,

    /// <summary>The file stayed incomplete after the deadline to complete it.</summary>
    Incomplete,

    /// <summary>The employer or one of its directors is excluded (§2.1): the party cannot apply.</summary>
    Excluded,
}
