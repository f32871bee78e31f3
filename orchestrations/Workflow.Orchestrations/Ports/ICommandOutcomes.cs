using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Ports;

/// <summary>
/// Where the workflow reports the fate of the commands it handled: onto each command's record (the commands table),
/// found by the message id the command's event carried. Idempotent: settling twice with the same fate changes nothing,
/// and a message that came from no recorded command (a redelivery after retention, say) is ignored.
/// </summary>
public interface ICommandOutcomes
{
    Task SettleAsync(string applicationId, CommandSettlement settlement, DateTimeOffset at, CancellationToken cancellationToken);
}
