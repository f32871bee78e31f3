using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Workflow.Application.Ports;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The declared peak periods in table <c>PeakPeriods</c> (PK = "peak", RK = the first day "yyyy-MM-dd"). A replacement
/// is one transaction in that partition, guarded by the ETags it read, so readers never see half of it and two
/// managers replacing at once cannot interleave.
/// </summary>
public sealed class TablePeakPeriodCalendar(TableServiceClient tables, StorageNames names) : IPeakPeriodCalendar
{
    /// <summary>A transaction holds at most 100 operations: 50 old rows out and 50 new rows in.</summary>
    public const int MaxPeriods = 50;

    const string PartitionKey = "peak";
    const string DateFormat = "yyyy-MM-dd";

    readonly TableClient table = tables.GetTableClient(names.PeakPeriodsTable);

    public async Task<IReadOnlyList<PeakPeriod>> ListAsync(CancellationToken cancellationToken)
    {
        List<TableEntity> rows = await this.ReadAllAsync(cancellationToken);
        return [.. rows.Select(ToPeriod).OrderBy(p => p.From)];
    }

    public async Task ReplaceAsync(IReadOnlyList<PeakPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count > MaxPeriods)
        {
            throw new ArgumentException($"At most {MaxPeriods} peak periods can be declared.", nameof(periods));
        }

        Dictionary<string, PeakPeriod> wanted = [];
        foreach (PeakPeriod period in periods)
        {
            if (!wanted.TryAdd(Day(period.From), period))
            {
                throw new ArgumentException("Two peak periods start on the same day.", nameof(periods));
            }
        }

        for (int attempt = 1; ; attempt++)
        {
            List<TableEntity> existing = await this.ReadAllAsync(cancellationToken);
            var actions = new List<TableTransactionAction>();
            foreach (TableEntity row in existing)
            {
                actions.Add(wanted.TryGetValue(row.RowKey, out PeakPeriod? replacement)
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(replacement), row.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag));
            }

            var present = existing.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
            actions.AddRange(wanted.Where(w => !present.Contains(w.Key)).Select(w => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(w.Value))));
            if (actions.Count == 0)
            {
                return;
            }

            try
            {
                await this.table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < StorageErrors.OptimisticAttempts)
            {
                // Another replacement committed between our read and our transaction (a row we read was changed or deleted, or one we add exists): read again.
            }
        }
    }

    async Task<List<TableEntity>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey}");
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    static TableEntity ToEntity(PeakPeriod period)
    {
        var entity = new TableEntity(PartitionKey, Day(period.From)) { ["To"] = Day(period.To) };
        if (period.Label is string label)
        {
            entity["Label"] = label;
        }

        return entity;
    }

    static PeakPeriod ToPeriod(TableEntity row) => new(
        DateOnly.ParseExact(row.RowKey, DateFormat, CultureInfo.InvariantCulture),
        DateOnly.ParseExact(row.GetString("To"), DateFormat, CultureInfo.InvariantCulture),
        row.GetString("Label"));

    static string Day(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
