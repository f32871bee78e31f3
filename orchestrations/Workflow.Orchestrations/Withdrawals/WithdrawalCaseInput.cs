namespace Workflow.Orchestrations.Withdrawals;

/// <summary>What moves a withdrawal on: a command, the passing of time, or the result of work the model asked for.</summary>
public abstract record WithdrawalCaseInput;
