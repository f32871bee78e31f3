using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Orchestrations.Ports;

/// <summary>
/// Where the withdrawal workflow keeps its record (the withdrawals table, which the API's checks and views read): the
/// withdrawal as it stands and the fates of the commands it handled. Safe to repeat.
/// </summary>
public interface IWithdrawalRecords
{
    /// <summary>Writes the withdrawal as it now stands (without the message ids the workflow remembers for itself).</summary>
    Task SaveStateAsync(WithdrawalCase state, CancellationToken cancellationToken);

    /// <summary>Writes a command's fate onto its record, found by the message id its event carried; unknown ids are ignored.</summary>
    Task SettleAsync(string withdrawalId, CommandSettlement settlement, DateTimeOffset at, CancellationToken cancellationToken);
}
