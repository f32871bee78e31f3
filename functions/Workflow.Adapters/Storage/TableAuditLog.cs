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
        var row = new AuditRow
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
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Written before: the first write of a key wins.
        }
    }

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

        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Order).ThenBy(e => e.Key, StringComparer.Ordinal)];
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
