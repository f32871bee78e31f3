using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// A withdrawal as the withdrawals table holds it: the finding that started it, the withdrawal as its workflow last
/// recorded it (null until the workflow's first record), its commands, and the federal office's acknowledgement.
/// </summary>
public sealed record StoredWithdrawal(
    StoredFinding Finding,
    WithdrawalCase? State,
    IReadOnlyList<WithdrawalCommand> Commands,
    DateTimeOffset? FederalAcknowledgedAt)
{
    public string WithdrawalId => this.Finding.WithdrawalId;

    public WithdrawalCommand? Command(string kind) => this.Commands.FirstOrDefault(c => c.Kind == kind);
}
