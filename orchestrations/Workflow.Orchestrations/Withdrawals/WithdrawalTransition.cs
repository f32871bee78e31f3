namespace Workflow.Orchestrations.Withdrawals;

/// <summary>One step of the withdrawal model: the withdrawal as it becomes, what to do about it, and whether its record must learn it.</summary>
public sealed record WithdrawalTransition(WithdrawalCase State, WithdrawalEffects Effects, bool StateChanged)
{
    public bool IsQuiet => this.Effects.IsEmpty && !this.StateChanged;
}
