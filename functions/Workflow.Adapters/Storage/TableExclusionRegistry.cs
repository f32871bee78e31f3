using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The exclusion registry in table <c>Exclusions</c>: PK = the party reference (KBO number or director reference),
/// RK = start date + decision reference, so the same exclusion recorded twice is one row.
/// </summary>
public sealed class TableExclusionRegistry(TableServiceClient tables, StorageNames names) : IExclusionRegistry
{
    readonly TableClient table = tables.GetTableClient(names.ExclusionsTable);

    public async Task<IReadOnlyList<Exclusion>> FindInForceAsync(IReadOnlyCollection<string> partyReferences, DateOnly onDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partyReferences);
        var found = new List<Exclusion>();
        foreach (string party in partyReferences.Distinct(StringComparer.Ordinal))
        {
            string partition = TableKeys.Safe(party);
            await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            {
                Exclusion exclusion = Read(row);
                if (exclusion.InForceOn(onDate))
                {
                    found.Add(exclusion);
                }
            }
        }

        return found;
    }

    public async Task AddAsync(Exclusion exclusion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exclusion);
        var row = new TableEntity(TableKeys.Safe(exclusion.PartyReference), TableKeys.Safe($"{Date(exclusion.From)}:{exclusion.DecisionReference}"))
        {
            ["Party"] = Codes.Of(exclusion.Party),
            ["PartyReference"] = exclusion.PartyReference,
            ["From"] = Date(exclusion.From),
            ["Until"] = exclusion.Until is DateOnly until ? Date(until) : null,
            ["ReasonCode"] = exclusion.ReasonCode,
            ["DecisionReference"] = exclusion.DecisionReference,
        };
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Recorded before: the registry keeps the first record of a decision.
        }
    }

    public async Task<IReadOnlyList<Exclusion>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<Exclusion>();
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            all.Add(Read(row));
        }

        return [.. all.OrderBy(e => e.PartyReference, StringComparer.Ordinal).ThenBy(e => e.From)];
    }

    static Exclusion Read(TableEntity row) => new(
        Enum.Parse<ExcludedParty>(row.GetString("Party").Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true),
        row.GetString("PartyReference"),
        DateOnly.ParseExact(row.GetString("From"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.GetString("Until") is string until ? DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        row.GetString("ReasonCode"),
        row.GetString("DecisionReference"));

    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
