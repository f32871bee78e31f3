using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Workflow.Application.Access;
using Workflow.Application.Exclusions;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The exclusion registry in table <c>Exclusions</c>, one partition (<c>registry</c>: a registry of sanctions is small,
/// and one partition lets a proposal and its index entry go in one transaction). Row keys:
/// <list type="bullet">
/// <item><c>x|{exclusionId}|{slot}</c>: the history entries (<see cref="ExclusionEntry.Slot"/>), each added with a
/// conditional insert and never updated; an exclusion is the range <c>x|{id}|</c>, and the list is the range of every
/// <c>x|</c> key, in id order, read a page at a time;</item>
/// <item><c>p|{partyKey}|{exclusionId}</c>: the party index admissibility reads (a KBO number, or a director's
/// fingerprint: never a person number).</item>
/// </list>
/// Ids are client ids ('|' cannot occur in them), so a prefix names exactly one exclusion or party.
/// </summary>
public sealed class TableExclusionRegistry(TableServiceClient tables, StorageNames names) : IExclusionRegistry, IExclusionLedger
{
    const string Partition = "registry";
    const string EntriesPrefix = "x|";
    const string PartiesPrefix = "p|";

    readonly TableClient table = tables.GetTableClient(names.ExclusionsTable);

    public async Task<LedgerAppend> AppendAsync(ExclusionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        TableEntity row = Write(entry);
        try
        {
            if (entry is ExclusionProposed proposal)
            {
                var index = new TableEntity(Partition, PartyKeyPrefix(proposal.PartyKey) + proposal.ExclusionId) { ["ExclusionId"] = proposal.ExclusionId };
                await this.table.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.Add, row), new TableTransactionAction(TableTransactionActionType.Add, index)],
                    cancellationToken);
            }
            else
            {
                await this.table.AddEntityAsync(row, cancellationToken);
            }

            return new LedgerAppend(entry, IsNew: true);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // The slot is taken: the entry there decides (the same request again, or another one).
        }

        Response<TableEntity> stored = await this.table.GetEntityAsync<TableEntity>(Partition, row.RowKey, cancellationToken: cancellationToken);
        return new LedgerAppend(Read(stored.Value), IsNew: false);
    }

    public async Task<ExclusionRecord?> GetAsync(string exclusionId, CancellationToken cancellationToken)
    {
        string prefix = ExclusionPrefix(exclusionId);
        var entries = new List<ExclusionEntry>();
        await foreach (TableEntity row in this.Range(prefix, maxPerPage: null, cancellationToken))
        {
            entries.Add(Read(row));
        }

        return ExclusionRecord.Of(entries);
    }

    public async Task<ExclusionLedgerPage> ListAsync(int pageSize, string? startAt, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        string from = startAt is null ? EntriesPrefix : ExclusionPrefix(startAt);
        var records = new List<ExclusionRecord>();
        var entries = new List<ExclusionEntry>();
        string? current = null;

        // Rows come in key order, an exclusion's entries together; a few entries each, so a page of rows a few times the
        // page size usually holds the whole page.
        await foreach (TableEntity row in this.Range(from, EntriesPrefix, maxPerPage: Math.Min(1000, (pageSize * 4) + 1), cancellationToken))
        {
            ExclusionEntry entry = Read(row);
            if (entry.ExclusionId != current)
            {
                Collect();
                if (records.Count == pageSize)
                {
                    return new ExclusionLedgerPage(records, entry.ExclusionId);
                }

                current = entry.ExclusionId;
            }

            entries.Add(entry);
        }

        Collect();
        return new ExclusionLedgerPage(records, null);

        void Collect()
        {
            if (ExclusionRecord.Of(entries) is { } record)
            {
                records.Add(record);
            }

            entries.Clear();
        }
    }

    public async Task<IReadOnlyList<ExclusionInForce>> FindInForceAsync(IReadOnlyCollection<string> partyKeys, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partyKeys);
        string[] keys = [.. partyKeys.Distinct(StringComparer.Ordinal)];
        var exclusionIds = keys.ToDictionary(key => key, _ => new List<string>(), StringComparer.Ordinal);

        // The parties' index ranges joined in one query (admissibility asks about the employer and every director at
        // once), as many at a time as the service's 15 comparisons per filter allow.
        foreach (string[] chunk in keys.Chunk(PartiesPerQuery))
        {
            string filter = $"PartitionKey eq '{Partition}' and ({string.Join(" or ", chunk.Select(key => $"({RangeFilter(PartyKeyPrefix(key), PartyKeyPrefix(key))})"))})";
            await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                // Prefixes end in '|', which no key holds, so exactly one party's prefix starts the row key.
                string partyKey = chunk.First(key => row.RowKey.StartsWith(PartyKeyPrefix(key), StringComparison.Ordinal));
                exclusionIds[partyKey].Add(row.GetString("ExclusionId"));
            }
        }

        var found = new List<ExclusionInForce>();
        foreach (string partyKey in keys)
        {
            foreach (string exclusionId in exclusionIds[partyKey])
            {
                if (await this.GetAsync(exclusionId, cancellationToken) is { } record && record.Proposal.PartyKey == partyKey && record.InForceAt(asOf))
                {
                    found.Add(new ExclusionInForce(exclusionId, record.Proposal.Party, partyKey, record.TermsAt(asOf)!));
                }
            }
        }

        return found;
    }

    /// <summary>Parties per index query: each range takes two of a filter's 15 comparisons, the partition one.</summary>
    const int PartiesPerQuery = 7;

    static string ExclusionPrefix(string exclusionId) => $"{EntriesPrefix}{TableKeys.Safe(exclusionId)}|";

    static string PartyKeyPrefix(string partyKey) => $"{PartiesPrefix}{TableKeys.Safe(partyKey)}|";

    /// <summary>The rows whose keys start with <paramref name="prefix"/>: '}' follows '|', so the range ends right after the prefix's keys.</summary>
    AsyncPageable<TableEntity> Range(string prefix, int? maxPerPage, CancellationToken cancellationToken) =>
        this.Range(prefix, prefix, maxPerPage, cancellationToken);

    /// <summary>The rows from <paramref name="from"/> (inclusive) to the end of the keys starting with <paramref name="within"/>.</summary>
    AsyncPageable<TableEntity> Range(string from, string within, int? maxPerPage, CancellationToken cancellationToken) =>
        this.table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}' and {RangeFilter(from, within)}", maxPerPage, cancellationToken: cancellationToken);

    /// <summary>The row keys from <paramref name="from"/> to the end of those starting with <paramref name="within"/>, quoted for a filter.</summary>
    static string RangeFilter(string from, string within) =>
        TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {within[..^1] + "}"}");

    static TableEntity Write(ExclusionEntry entry)
    {
        var row = new TableEntity(Partition, ExclusionPrefix(entry.ExclusionId) + entry.Slot)
        {
            ["Event"] = entry.EventName,
            ["ExclusionId"] = entry.ExclusionId,
            ["ByRole"] = entry.By.Role,
            ["BySubject"] = entry.By.Subject,
            ["ByName"] = entry.By.Name,
            ["At"] = entry.At.ToString("O", CultureInfo.InvariantCulture), // exact, so a repeat's receipt is the first one
        };
        if (entry is ExclusionChangeEntry change)
        {
            row["ChangeId"] = change.ChangeId;
        }

        switch (entry)
        {
            case ExclusionProposed proposal:
                row["Party"] = Codes.Of(proposal.Party);
                row["PartyKey"] = proposal.PartyKey;
                WriteTerms(row, proposal.Terms);
                break;
            case CorrectionProposed correction:
                WriteTerms(row, correction.Terms);
                break;
            case LiftProposed lift:
                row["ReasonCode"] = lift.ReasonCode;
                row["DecisionReference"] = lift.DecisionReference;
                break;
        }

        return row;
    }

    static void WriteTerms(TableEntity row, ExclusionTerms terms)
    {
        row["From"] = Date(terms.From);
        row["Until"] = terms.Until is DateOnly until ? Date(until) : null;
        row["ReasonCode"] = terms.ReasonCode;
        row["DecisionReference"] = terms.DecisionReference;
    }

    static ExclusionEntry Read(TableEntity row)
    {
        string exclusionId = row.GetString("ExclusionId");
        var by = new Actor(row.GetString("ByRole"), row.GetString("BySubject"), row.GetString("ByName"));
        DateTimeOffset at = DateTimeOffset.ParseExact(row.GetString("At"), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        string? changeId = row.GetString("ChangeId");
        return row.GetString("Event") switch
        {
            ExclusionProposed.Code => new ExclusionProposed(exclusionId, EnumCodes.Parse<ExcludedParty>(row.GetString("Party")), row.GetString("PartyKey"), ReadTerms(row), by, at),
            ExclusionConfirmed.Code => new ExclusionConfirmed(exclusionId, by, at),
            LiftProposed.Code => new LiftProposed(exclusionId, changeId!, row.GetString("ReasonCode"), row.GetString("DecisionReference"), by, at),
            CorrectionProposed.Code => new CorrectionProposed(exclusionId, changeId!, ReadTerms(row), by, at),
            ChangeConfirmed.LiftCode => new ChangeConfirmed(exclusionId, changeId!, ExclusionChangeKind.Lift, by, at),
            ChangeConfirmed.CorrectionCode => new ChangeConfirmed(exclusionId, changeId!, ExclusionChangeKind.Correction, by, at),
            string other => throw new FormatException($"Exclusion row {row.RowKey} records an unknown event '{other}'."),
            null => throw new FormatException($"Exclusion row {row.RowKey} records no event."),
        };
    }

    static ExclusionTerms ReadTerms(TableEntity row) => new(
        DateOnly.ParseExact(row.GetString("From"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.GetString("Until") is string until ? DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        row.GetString("ReasonCode"),
        row.GetString("DecisionReference"));

    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
