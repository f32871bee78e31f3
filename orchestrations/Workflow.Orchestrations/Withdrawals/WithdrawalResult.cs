namespace Workflow.Orchestrations.Withdrawals;

/// <summary>How a withdrawal ended: withdrawn (with the exclusions proposed) or kept.</summary>
public sealed record WithdrawalResult(string WithdrawalId, string AuthorisationId, WithdrawalStage Stage, IReadOnlyList<string> ExclusionIds);
