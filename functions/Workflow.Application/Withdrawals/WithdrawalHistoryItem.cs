namespace Workflow.Application.Withdrawals;

/// <summary>One row of a withdrawal's history (its partition of the audit log): what happened, when, and who did it.</summary>
public sealed record WithdrawalHistoryItem(string Event, DateTimeOffset At, string Actor, IReadOnlyDictionary<string, string> Details, string? BySubject, string? ByName);
