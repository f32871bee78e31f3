using Azure;
using Azure.Data.Tables;
using Workflow.Adapters.Queues;

namespace Workflow.Adapters.Storage;

/// <summary>One alert in the outbox (PK = application id, RK = milestone code): the record of truth, and whether it went out.</summary>
internal sealed class OutboxRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string IdempotencyKey { get; set; } = "";

    /// <summary>The JSON of the <c>SlaAlert</c>, exactly as it goes on the queue.</summary>
    public string Payload { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public bool Dispatched { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>Sends the payload on, then marks the row dispatched. A crash in between sends it again later: consumers de-duplicate.</summary>
    public async Task DispatchAsync(TableClient outbox, IAlertDispatcher dispatcher, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await dispatcher.DispatchAsync(this.IdempotencyKey, this.Payload, cancellationToken);
        var mark = new TableEntity(this.PartitionKey, this.RowKey)
        {
            [nameof(this.Dispatched)] = true,
            [nameof(this.DispatchedAt)] = now,
        };
        await outbox.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, cancellationToken);
        this.Dispatched = true;
        this.DispatchedAt = now;
    }
}
