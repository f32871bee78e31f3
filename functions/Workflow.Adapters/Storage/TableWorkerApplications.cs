using Azure.Data.Tables;
using Workflow.Application.Ports;

namespace Workflow.Adapters.Storage;

/// <summary>The worker's applications (table <c>WorkerApplications</c>, PK = the worker's key, RK = the application id): no personal data.</summary>
public sealed class TableWorkerApplications(TableServiceClient tables, StorageNames names) : IWorkerApplications
{
    readonly TableClient table = tables.GetTableClient(names.WorkerApplicationsTable);

    public async Task RecordAsync(string workerKey, string applicationId, CancellationToken cancellationToken) =>
        await this.table.UpsertEntityAsync(new TableEntity(TableKeys.Safe(workerKey), TableKeys.Safe(applicationId)), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> NamesAsync(string workerKey, string applicationId, CancellationToken cancellationToken) =>
        (await this.table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(workerKey), TableKeys.Safe(applicationId), [], cancellationToken)).HasValue;

    public async Task<IReadOnlyList<string>> ListAsync(string workerKey, int max, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(workerKey)}");
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
            if (ids.Count >= max)
            {
                break;
            }
        }

        return ids;
    }
}
