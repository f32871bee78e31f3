namespace Workflow.Orchestrations.Withdrawals;

/// <summary>The employer answered the hearing; the statement stays with the command's record.</summary>
public sealed record HearingAnswered(string MessageId, string ResponseId) : WithdrawalMessage(MessageId);
