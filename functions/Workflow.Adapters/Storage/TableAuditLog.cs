using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The audit log in Table storage (PK = application id, RK = the entry key made table-safe), kept apart from
/// orchestration history so it outlives the purge. Append-only: the first write of a key wins, a retried step adds
/// nothing, and nothing is ever updated or deleted here (retention deletes dossiers and history, not this log).
/// </summary>
public sealed class TableAuditLog(TableServiceClient tables, StorageNames names) : IAuditLog
{
    readonly TableClient table = tables.GetTableClient(names.AuditLogTable);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await this.table.AddEntityAsync(Row(entry), cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Written before: the first write of a key wins.
        }
    }

    /// <summary>
    /// One transaction for the entries of one application (a transition's steps): one request instead of one each. When
    /// one of them was written before (a retried activity), the transaction adds nothing and each is appended alone.
    /// </summary>
    public async Task AppendAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count < 2 || entries.Count > MaxTransaction || entries.Any(e => e.ApplicationId != entries[0].ApplicationId))
        {
            foreach (AuditEntry entry in entries)
            {
                await this.AppendAsync(entry, cancellationToken);
            }

            return;
        }

        try
        {
            await this.table.SubmitTransactionAsync([.. entries.Select(e => new TableTransactionAction(TableTransactionActionType.Add, Row(e)))], cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.IsConflict())
        {
            foreach (AuditEntry entry in entries)
            {
                await this.AppendAsync(entry, cancellationToken);
            }
        }
    }

    /// <summary>The most entities one table transaction takes.</summary>
    const int MaxTransaction = 100;

    static AuditRow Row(AuditEntry entry) =>
        new()
        {
            PartitionKey = TableKeys.Safe(entry.ApplicationId),
            RowKey = TableKeys.Safe(entry.Key),
            Key = entry.Key,
            At = entry.At,
            Event = entry.Event,
            Actor = entry.Actor,
            BySubject = entry.BySubject,
            ByName = entry.ByName,
            Order = entry.Order,
            Details = JsonSerializer.Serialize(entry.Details, WorkflowJson.Options),
        };

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        var entries = new List<AuditEntry>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(applicationId)}");
        await foreach (AuditRow row in this.table.QueryAsync<AuditRow>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new AuditEntry(
                applicationId,
                row.Key,
                row.At,
                row.Event,
                row.Actor,
                JsonSerializer.Deserialize<Dictionary<string, string>>(row.Details, WorkflowJson.Options) ?? [],
                row.BySubject,
                row.ByName,
                row.Order ?? 0));
        }

        return AuditEntry.InLogOrder(entries);
    }

    /// <summary>One audit entry.</summary>
    internal sealed class AuditRow : ITableEntity
    {
        public string PartitionKey { get; set; } = "";

        public string RowKey { get; set; } = "";

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        /// <summary>The entry key as given (the row key may be its escaped form).</summary>
        public string Key { get; set; } = "";

        public DateTimeOffset At { get; set; }

        public string Event { get; set; } = "";

        public string Actor { get; set; } = "";

        /// <summary>Who, for a person's command: the token's subject.</summary>
        public string? BySubject { get; set; }

        /// <summary>Who, for a person's command: the display name.</summary>
        public string? ByName { get; set; }

        public string Details { get; set; } = "{}";

        /// <summary>The entry's place among entries of the same moment (absent in rows written before it existed).</summary>
        public int? Order { get; set; }
    }
}
