namespace Workflow.Orchestrations.Withdrawals;

/// <summary>The caseworker's decision on a withdrawal.</summary>
public enum WithdrawalVerdict
{
    /// <summary>Withdraw the authorisation, citing a §2.1 ground.</summary>
    Withdraw,

    /// <summary>Keep the authorisation (the reason is kept with the command, not in the workflow).</summary>
    Keep,
}
