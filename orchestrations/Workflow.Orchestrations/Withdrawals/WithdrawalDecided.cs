namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// The caseworker decided: withdraw citing <paramref name="Ground"/> (a §2.1 code), or keep the authorisation
/// (<paramref name="Ground"/> null; the reason stays with the command's record).
/// </summary>
public sealed record WithdrawalDecided(string MessageId, string DecisionId, WithdrawalVerdict Verdict, string? Ground) : WithdrawalMessage(MessageId);
