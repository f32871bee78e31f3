namespace Workflow.Orchestrations.Register;

/// <summary>What a withdrawal does to an authorisation in the register.</summary>
public enum WithdrawalMark
{
    /// <summary>A withdrawal is under way: the authorisation stays granted until it is decided.</summary>
    UnderWay,

    /// <summary>The authorisation is withdrawn from a date.</summary>
    Withdrawn,

    /// <summary>The caseworker kept the authorisation: no withdrawal is under way any more.</summary>
    Kept,
}
