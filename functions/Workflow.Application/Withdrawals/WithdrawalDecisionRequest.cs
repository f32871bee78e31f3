namespace Workflow.Application.Withdrawals;

/// <summary>
/// <c>POST /api/withdrawals/{withdrawalId}/decision</c>: the caseworker's decision, once per withdrawal whatever its id:
/// <c>withdraw</c> citing a §2.1 <paramref name="Ground"/>, or <c>keep</c> the authorisation with a
/// <paramref name="Reason"/> (a withdrawal may give one too). The reason is internal: the employer never sees it.
/// </summary>
public sealed record WithdrawalDecisionRequest(string? DecisionId, string? Verdict, string? Ground, string? Reason);
