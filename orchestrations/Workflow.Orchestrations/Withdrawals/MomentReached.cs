namespace Workflow.Orchestrations.Withdrawals;

/// <summary>The moment the workflow waited for has come: the reminder or the hearing's deadline.</summary>
public sealed record MomentReached : WithdrawalCaseInput
{
    public static MomentReached Instance { get; } = new();
}
