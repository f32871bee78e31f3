namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// The exclusions a withdrawal proposes (§2.1): of the employer of <paramref name="AuthorisationId"/> and of its current
/// directors, on <paramref name="Ground"/>, for <paramref name="Months"/> from the Belgian date of <paramref name="DecidedAt"/>
/// (real time: the registry bars submissions by their real date), proposed in the name of the caseworker who decided
/// (<paramref name="DecisionId"/> names the decision's record, where the person is kept).
/// </summary>
public sealed record ExclusionProposalRequest(string WithdrawalId, string AuthorisationId, string DecisionId, string Ground, DateTimeOffset DecidedAt, int Months);
