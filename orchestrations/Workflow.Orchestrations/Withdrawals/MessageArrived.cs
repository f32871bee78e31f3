namespace Workflow.Orchestrations.Withdrawals;

/// <summary>A command arrived: the employer's answer or the caseworker's decision.</summary>
public sealed record MessageArrived(WithdrawalMessage Message) : WithdrawalCaseInput;
