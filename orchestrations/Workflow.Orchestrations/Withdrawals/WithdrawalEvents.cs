namespace Workflow.Orchestrations.Withdrawals;

/// <summary>The external events of the withdrawal workflow; payloads carry ids and codes only.</summary>
public static class WithdrawalEvents
{
    /// <summary>The employer's answer to the hearing (<see cref="HearingAnswered"/>).</summary>
    public const string HearingAnswered = "withdrawal-hearing-answered";

    /// <summary>The caseworker's decision (<see cref="WithdrawalDecided"/>).</summary>
    public const string Decided = "withdrawal-decided";
}
