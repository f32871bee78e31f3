using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflow.Application;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The case index in Table storage: one row per application (PK = application id, RK = "case"), with the stage and
/// category as codes to query on and the whole snapshot as JSON. Writes are ordered by revision: a retried or delayed
/// write of an older revision never overwrites a newer one (read, compare, then a write conditional on the ETag).
/// </summary>
public sealed class TableCaseIndex(TableServiceClient tables, StorageNames names) : ICaseIndex
{
    const string RowKey = "case";

    readonly TableClient table = tables.GetTableClient(names.CaseIndexTable);

    public async Task UpsertAsync(CaseSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var row = new CaseRow
        {
            PartitionKey = TableKeys.Safe(snapshot.ApplicationId),
            RowKey = RowKey,
            Stage = StageCode(snapshot.Stage),
            Category = Codes.Of(snapshot.Category),
            Revision = snapshot.Revision,
            Snapshot = JsonSerializer.Serialize(snapshot, WorkflowJson.Options),
        };

        for (int attempt = 1; ; attempt++)
        {
            try
            {
                NullableResponse<CaseRow> stored = await this.table.GetEntityIfExistsAsync<CaseRow>(row.PartitionKey, RowKey, cancellationToken: cancellationToken);
                if (!stored.HasValue)
                {
                    await this.table.AddEntityAsync(row, cancellationToken);
                    return;
                }

                if (stored.Value!.Revision >= snapshot.Revision)
                {
                    return;
                }

                await this.table.UpdateEntityAsync(row, stored.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when ((e.IsConflict() || e.IsPreconditionFailed()) && attempt < StorageErrors.OptimisticAttempts)
            {
                // Another writer got there between our read and write: read again and compare again.
            }
        }
    }

    public async Task<CaseSnapshot?> GetAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        NullableResponse<CaseRow> row = await this.table.GetEntityIfExistsAsync<CaseRow>(TableKeys.Safe(applicationId), RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public Task<IReadOnlyList<CaseSnapshot>> ListAwaitingDecisionAsync(CancellationToken cancellationToken) =>
        this.ListAtStageAsync(Stage.AwaitingDecision, cancellationToken);

    public Task<IReadOnlyList<CaseSnapshot>> ListClosedAsync(CancellationToken cancellationToken) =>
        this.ListAtStageAsync(Stage.Closed, cancellationToken);

    async Task<IReadOnlyList<CaseSnapshot>> ListAtStageAsync(Stage stage, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"Stage eq {StageCode(stage)}");
        var snapshots = new List<CaseSnapshot>();
        await foreach (CaseRow row in this.table.QueryAsync<CaseRow>(filter, cancellationToken: cancellationToken))
        {
            snapshots.Add(Read(row));
        }

        return [.. snapshots.OrderBy(s => s.SubmittedAt).ThenBy(s => s.ApplicationId, StringComparer.Ordinal)];
    }

    /// <summary>The stage as the index stores and queries it: "awaiting-decision".</summary>
    public static string StageCode(Stage stage) => JsonNamingPolicy.KebabCaseLower.ConvertName(stage.ToString());

    static CaseSnapshot Read(CaseRow row) =>
        JsonSerializer.Deserialize<CaseSnapshot>(row.Snapshot, WorkflowJson.Options)
        ?? throw new InvalidOperationException("A case index row holds no snapshot.");

    /// <summary>One row of the case index.</summary>
    internal sealed class CaseRow : ITableEntity
    {
        public string PartitionKey { get; set; } = "";

        public string RowKey { get; set; } = "";

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string Stage { get; set; } = "";

        public string Category { get; set; } = "";

        public int Revision { get; set; }

        public string Snapshot { get; set; } = "";
    }
}
