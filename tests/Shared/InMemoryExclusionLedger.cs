using System.Collections.Concurrent;
using Workflow.Application.Exclusions;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Ports;

namespace Workflow.Tests.Shared;

/// <summary>
/// The exclusion registry in memory, for tests without storage: the table adapter's contract (one entry per slot, the
/// first wins; ids in ordinal order; reads as of an instant), not its storage.
/// </summary>
internal sealed class InMemoryExclusionLedger : IExclusionLedger, IExclusionRegistry
{
    readonly ConcurrentDictionary<(string ExclusionId, string Slot), ExclusionEntry> entries = new();

    public int Appended { get; private set; }

    public Task<LedgerAppend> AppendAsync(ExclusionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ExclusionEntry stored = this.entries.GetOrAdd((entry.ExclusionId, entry.Slot), entry);
        bool isNew = ReferenceEquals(stored, entry);
        if (isNew)
        {
            this.Appended++;
        }

        return Task.FromResult(new LedgerAppend(stored, isNew));
    }

    public Task<ExclusionRecord?> GetAsync(string exclusionId, CancellationToken cancellationToken) => Task.FromResult(this.Record(exclusionId));

    public Task<ExclusionLedgerPage> ListAsync(int pageSize, string? startAt, CancellationToken cancellationToken)
    {
        List<string> ids = [.. this.entries.Keys.Select(k => k.ExclusionId).Distinct()
            .Where(id => startAt is null || string.CompareOrdinal(id, startAt) >= 0)
            .Order(StringComparer.Ordinal)];
        List<ExclusionRecord> page = [.. ids.Take(pageSize).Select(id => this.Record(id)).OfType<ExclusionRecord>()];
        return Task.FromResult(new ExclusionLedgerPage(page, ids.Count > pageSize ? ids[pageSize] : null));
    }

    public Task<IReadOnlyList<ExclusionInForce>> FindInForceAsync(IReadOnlyCollection<string> partyKeys, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var found = new List<ExclusionInForce>();
        foreach (string exclusionId in this.entries.Keys.Select(k => k.ExclusionId).Distinct())
        {
            if (this.Record(exclusionId) is { } record && partyKeys.Contains(record.Proposal.PartyKey) && record.InForceAt(asOf))
            {
                found.Add(new ExclusionInForce(exclusionId, record.Proposal.Party, record.Proposal.PartyKey, record.TermsAt(asOf)!));
            }
        }

        return Task.FromResult<IReadOnlyList<ExclusionInForce>>(found);
    }

    ExclusionRecord? Record(string exclusionId) =>
        ExclusionRecord.Of(this.entries.Where(e => e.Key.ExclusionId == exclusionId).Select(e => e.Value));
}
