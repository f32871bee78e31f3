namespace Workflow.Orchestrations.Withdrawals;

/// <summary>Where the withdrawal of a granted work authorisation stands (concept note §2.1).</summary>
public enum WithdrawalStage
{
    /// <summary>The employer is heard: invited, with a deadline to answer.</summary>
    Hearing,

    /// <summary>The hearing is over (the employer answered, or the deadline passed): the caseworker decides.</summary>
    AwaitingDecision,

    /// <summary>The caseworker decided to withdraw: the decision letter and the exclusion proposals are being made.</summary>
    Deciding,

    /// <summary>The authorisation is withdrawn; the parties and the federal office are informed.</summary>
    Withdrawn,

    /// <summary>The caseworker kept the authorisation: the withdrawal ends without effect on it.</summary>
    Kept,
}
