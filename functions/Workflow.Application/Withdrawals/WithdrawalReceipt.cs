namespace Workflow.Application.Withdrawals;

/// <summary>The answer to a finding (202 the first time, 200 for a repeat): the withdrawal it started and where to follow it.</summary>
public sealed record WithdrawalReceipt(string FindingId, string WithdrawalId, string AuthorisationId, bool Repeated, string WithdrawalUrl);
