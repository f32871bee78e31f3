using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Workflow.Functions.Tests.Support;

/// <summary>
/// Table storage in memory, through the Tables SDK's mockable clients: enough for the alert outbox (insert, read,
/// merge) so the Storage adapter's own outbox logic runs in the Service Bus tests.
/// </summary>
internal sealed class FakeTableServiceClient : TableServiceClient
{
    readonly ConcurrentDictionary<string, FakeTableClient> tables = new(StringComparer.Ordinal);

    public FakeTableClient Table(string name) => this.tables.GetOrAdd(name, n => new FakeTableClient(n));

    public override TableClient GetTableClient(string tableName) => this.Table(tableName);
}

internal sealed class FakeTableClient(string name) : TableClient
{
    public ConcurrentDictionary<(string PartitionKey, string RowKey), ITableEntity> Rows { get; } = new();

    public override string Name => name;

    public override Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
    {
        return this.Rows.TryAdd((entity.PartitionKey, entity.RowKey), entity)
            ? Task.FromResult<Response>(null!)
            : Task.FromException<Response>(new RequestFailedException(409, "The specified entity already exists.", "EntityAlreadyExists", null));
    }

    public override Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        return this.Rows.TryGetValue((partitionKey, rowKey), out ITableEntity? row)
            ? Task.FromResult(Response.FromValue((T)row, null!))
            : Task.FromException<Response<T>>(new RequestFailedException(404, "Not found.", "ResourceNotFound", null));
    }

    /// <summary>A merge of a <see cref="TableEntity"/> sets the same-named properties of the stored row.</summary>
    public override Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        if (!this.Rows.TryGetValue((entity.PartitionKey, entity.RowKey), out ITableEntity? row))
        {
            return Task.FromException<Response>(new RequestFailedException(404, "Not found.", "ResourceNotFound", null));
        }

        if (entity is TableEntity merge)
        {
            foreach ((string key, object value) in merge)
            {
                row.GetType().GetProperty(key)?.SetValue(row, value);
            }
        }

        return Task.FromResult<Response>(null!);
    }
}
