using System.Collections.Concurrent;
using Workflow.Application.Withdrawals;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Functions.Tests.Support;

/// <summary>The withdrawals table in memory, for calling the withdrawal functions without storage.</summary>
internal sealed class InMemoryWithdrawals : IWithdrawals, IWithdrawalRecords
{
    readonly ConcurrentDictionary<string, FindingReservation> findingIds = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, StoredFinding> findings = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, WithdrawalCase> states = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<(string WithdrawalId, string Kind), WithdrawalCommand> commands = new();
    readonly ConcurrentDictionary<string, DateTimeOffset> acknowledgements = new(StringComparer.Ordinal);

    public Task<FindingReservation?> FindReservationAsync(string findingId, CancellationToken cancellationToken) =>
        Task.FromResult(this.findingIds.TryGetValue(findingId, out FindingReservation? found) ? found with { New = false } : null);

    public Task<FindingReservation> ReserveFindingAsync(string findingId, FindingReservation wanted, CancellationToken cancellationToken)
    {
        FindingReservation stored = this.findingIds.GetOrAdd(findingId, wanted);
        return Task.FromResult(ReferenceEquals(stored, wanted) ? wanted : stored with { New = false });
    }

    public Task ReleaseFindingAsync(string findingId, string withdrawalId, CancellationToken cancellationToken)
    {
        if (this.findingIds.TryGetValue(findingId, out FindingReservation? reservation) && reservation.WithdrawalId == withdrawalId)
        {
            this.findingIds.TryRemove(findingId, out _);
        }

        return Task.CompletedTask;
    }

    public Task SaveFindingAsync(StoredFinding finding, CancellationToken cancellationToken)
    {
        this.findings.TryAdd(finding.WithdrawalId, finding);
        return Task.CompletedTask;
    }

    public Task<StoredWithdrawal?> GetAsync(string withdrawalId, CancellationToken cancellationToken) =>
        Task.FromResult(this.findings.TryGetValue(withdrawalId, out StoredFinding? finding)
            ? new StoredWithdrawal(
                finding,
                this.states.GetValueOrDefault(withdrawalId),
                [.. this.commands.Where(c => c.Key.WithdrawalId == withdrawalId).Select(c => c.Value).OrderBy(c => c.At)],
                this.acknowledgements.TryGetValue(withdrawalId, out DateTimeOffset at) ? at : null)
            : null);

    public Task<(WithdrawalCommand Record, bool New)> RecordCommandAsync(string withdrawalId, WithdrawalCommand command, CancellationToken cancellationToken)
    {
        WithdrawalCommand stored = this.commands.GetOrAdd((withdrawalId, command.Kind), command);
        return Task.FromResult((stored, ReferenceEquals(stored, command)));
    }

    public Task MarkRaisedAsync(string withdrawalId, string kind, CancellationToken cancellationToken)
    {
        this.commands.AddOrUpdate((withdrawalId, kind), _ => throw new InvalidOperationException("No such command."), (_, c) => c with { Raised = true });
        return Task.CompletedTask;
    }

    public Task<bool> RecordFederalAcknowledgementAsync(string withdrawalId, string messageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(this.acknowledgements.TryAdd(withdrawalId, at));

    public Task SaveStateAsync(WithdrawalCase state, CancellationToken cancellationToken)
    {
        this.states[state.WithdrawalId] = state;
        return Task.CompletedTask;
    }

    public Task SettleAsync(string withdrawalId, CommandSettlement settlement, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var entry in this.commands.Where(c => c.Key.WithdrawalId == withdrawalId && c.Value.MessageId == settlement.MessageId))
        {
            this.commands[entry.Key] = entry.Value with { Fate = settlement.Fate, FateReason = settlement.Reason, SettledAt = at };
        }

        return Task.CompletedTask;
    }
}
