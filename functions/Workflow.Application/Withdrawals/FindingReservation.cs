namespace Workflow.Application.Withdrawals;

/// <summary>A finding id's reservation: the withdrawal it started, the content's fingerprint, and whether this call made it.</summary>
public sealed record FindingReservation(string WithdrawalId, string Fingerprint, bool New);
