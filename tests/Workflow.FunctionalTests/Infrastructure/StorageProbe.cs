using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>An instance as the engine and the case index hold it (<see cref="StorageProbe.EngineAndIndexAsync"/>).</summary>
internal sealed record EngineAndIndex(string? RuntimeStatus, string? CustomStatus, string? IndexStage, int? Revision, DateTimeOffset? RecordedAt)
{
    public override string ToString() =>
        $"engine: {this.RuntimeStatus ?? "no instance"}, {this.CustomStatus}; case index: {this.IndexStage ?? "no row"}, revision {this.Revision}, recorded at {this.RecordedAt:O}";
}

/// <summary>Reads what a host wrote to storage (outbox, audit log, notifications, queues) for the tests' assertions.</summary>
internal sealed class StorageProbe(string connectionString, string prefix)
{
    public string ConnectionString => connectionString;

    public TableClient Table(string name) => new(connectionString, prefix + name);

    public QueueClient Queue(string name) => new(connectionString, $"{prefix}-{name}".ToLowerInvariant(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    public async Task<List<TableEntity>> RowsAsync(string table, string applicationId)
    {
        var rows = new List<TableEntity>();
        await foreach (TableEntity row in this.Table(table).QueryAsync<TableEntity>(e => e.PartitionKey == applicationId))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Outbox rows of an application: one per alert key.</summary>
    public Task<List<TableEntity>> OutboxAsync(string applicationId) => this.RowsAsync("Outbox", applicationId);

    public Task<List<TableEntity>> NotificationsAsync(string applicationId) => this.RowsAsync("Notifications", applicationId);

    public Task<List<TableEntity>> DeliveredAlertsAsync(string applicationId) => this.RowsAsync("DeliveredAlerts", applicationId);

    /// <summary>The workflow version the engine stamped on an instance (the Azure Storage provider's Instances table; the task hub is named like the prefix).</summary>
    public async Task<string?> InstanceVersionAsync(string instanceId) =>
        (await this.Table("Instances").GetEntityAsync<TableEntity>(instanceId, string.Empty)).Value.GetString("Version");

    /// <summary>
    /// What the engine says of an instance (its status and custom status, codes only) and the case index's row of it
    /// (stage, revision, the time of the episode that recorded it), which can disagree; its text is for failure messages.
    /// </summary>
    public async Task<EngineAndIndex> EngineAndIndexAsync(string instanceId)
    {
        Azure.NullableResponse<TableEntity> instance = await this.Table("Instances").GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty);
        Azure.NullableResponse<TableEntity> indexed = await this.Table("CaseIndex").GetEntityIfExistsAsync<TableEntity>(instanceId, "case");
        return new EngineAndIndex(
            instance.HasValue ? instance.Value!.GetString("RuntimeStatus") : null,
            instance.HasValue ? instance.Value!.GetString("CustomStatus") : null,
            indexed.HasValue ? indexed.Value!.GetString("Stage") : null,
            indexed.HasValue ? indexed.Value!.GetInt32("Revision") : null,
            indexed.HasValue ? indexed.Value!.GetDateTimeOffset("RecordedAt") : null);
    }

    /// <summary>
    /// How many rows of orchestration history the engine keeps for an instance (the Azure Storage provider's History
    /// table); none for the in-memory engine, which has no such table.
    /// </summary>
    public async Task<int> HistoryRowsAsync(string instanceId)
    {
        int rows = 0;
        try
        {
            await foreach (TableEntity _ in this.Table("History").QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["PartitionKey"]))
            {
                rows++;
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }

        return rows;
    }

    /// <summary>The messages on a queue right now, without taking them.</summary>
    public async Task<List<JsonElement>> PeekAsync(string queue)
    {
        PeekedMessage[] messages = (await this.Queue(queue).PeekMessagesAsync(maxMessages: 32)).Value;
        return [.. messages.Select(m => JsonDocument.Parse(Encoding.UTF8.GetString(m.Body.ToArray())).RootElement.Clone())];
    }

    public async Task SendAsync(string queue, string body) => await this.Queue(queue).SendMessageAsync(body);
}
