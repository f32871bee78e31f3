namespace Workflow.Application.Withdrawals;

/// <summary>The withdrawal message to the federal office: its id, and when the office acknowledged it.</summary>
public sealed record FederalWithdrawalView(string MessageId, DateTimeOffset? AcknowledgedAt);
