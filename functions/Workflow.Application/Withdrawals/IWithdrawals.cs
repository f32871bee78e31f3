namespace Workflow.Application.Withdrawals;

/// <summary>
/// The withdrawals table: findings by their client id, each withdrawal with its finding, its state as the workflow
/// recorded it (<see cref="Orchestrations.Ports.IWithdrawalRecords"/>), its commands and the federal acknowledgement.
/// </summary>
public interface IWithdrawals
{
    Task<FindingReservation?> FindReservationAsync(string findingId, CancellationToken cancellationToken);

    /// <summary>Reserves <paramref name="findingId"/> for this withdrawal and content, or answers the reservation already under it.</summary>
    Task<FindingReservation> ReserveFindingAsync(string findingId, FindingReservation wanted, CancellationToken cancellationToken);

    /// <summary>Gives a reservation up (a finding refused after it was reserved, so nothing of it stays).</summary>
    Task ReleaseFindingAsync(string findingId, string withdrawalId, CancellationToken cancellationToken);

    /// <summary>Stores the finding unless it is there: a repeat heals a crash in between.</summary>
    Task SaveFindingAsync(StoredFinding finding, CancellationToken cancellationToken);

    Task<StoredWithdrawal?> GetAsync(string withdrawalId, CancellationToken cancellationToken);

    /// <summary>
    /// Records the command in its kind's slot (one per withdrawal) unless the slot is taken; answers the command in the
    /// slot (this one when new).
    /// </summary>
    Task<(WithdrawalCommand Record, bool New)> RecordCommandAsync(string withdrawalId, WithdrawalCommand command, CancellationToken cancellationToken);

    /// <summary>Notes that the command's event was raised on the workflow.</summary>
    Task MarkRaisedAsync(string withdrawalId, string kind, CancellationToken cancellationToken);

    /// <summary>Records the federal office's acknowledgement of the withdrawal message once; false when it was recorded before.</summary>
    Task<bool> RecordFederalAcknowledgementAsync(string withdrawalId, string messageId, DateTimeOffset at, CancellationToken cancellationToken);
}
