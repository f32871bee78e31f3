using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The alerts as their audience received them, in table <c>DeliveredAlerts</c> (PK = application id, RK = milestone
/// code): one row per idempotency key however often the queue delivered it, with a delivery count that shows the
/// de-duplication at work. A second row per alert in partition <see cref="Feed"/>, keyed newest delivery first, is the
/// index the managers' list pages through (a range read, never a scan of every application).
/// </summary>
public sealed class TableManagerAlertInbox(TableServiceClient tables, StorageNames names) : IManagerAlertInbox
{
    /// <summary>The feed partition (application ids start with "wp-", so it cannot clash with one).</summary>
    const string Feed = "~feed";

    readonly TableClient table = tables.GetTableClient(names.DeliveredAlertsTable);

    public async Task<bool> RecordDeliveryAsync(SlaAlert alert, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var row = new TableEntity(TableKeys.Safe(alert.ApplicationId), Codes.Of(alert.Milestone))
        {
            ["IdempotencyKey"] = alert.IdempotencyKey,
            ["Alert"] = JsonSerializer.Serialize(alert, WorkflowJson.Options),
            ["MilestoneAt"] = alert.MilestoneAt,
            ["DeliveredAt"] = at,
            ["Deliveries"] = 1,
        };
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
            await this.table.UpsertEntityAsync(new TableEntity(row) { PartitionKey = Feed, RowKey = FeedKey(at, row) }, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Delivered before: count this delivery.
        }

        for (int attempt = 1; ; attempt++)
        {
            TableEntity stored = (await this.table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value;
            var count = new TableEntity(row.PartitionKey, row.RowKey) { ["Deliveries"] = (stored.GetInt32("Deliveries") ?? 1) + 1 };
            try
            {
                await this.table.UpdateEntityAsync(count, stored.ETag, TableUpdateMode.Merge, cancellationToken);
                return false;
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed() && attempt < StorageErrors.OptimisticAttempts)
            {
                // A concurrent delivery counted first: read again.
            }
        }
    }

    public async Task<AlertPage> ListAsync(string? applicationId, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        if (applicationId is not null)
        {
            var alerts = new List<DeliveredAlert>();
            string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(applicationId)}");
            await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                alerts.Add(Read(row));
            }

            return new AlertPage([.. alerts.OrderBy(a => a.Alert.MilestoneAt).ThenBy(a => a.Alert.Milestone)], null);
        }

        string feed = TableClient.CreateQueryFilter($"PartitionKey eq {Feed}");
        await foreach (Page<TableEntity> page in this.table.QueryAsync<TableEntity>(feed, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            return new AlertPage([.. page.Values.Select(Read)], page.ContinuationToken);
        }

        return new AlertPage([], null);
    }

    /// <summary>Newest first: the delivery time counted down from the end of time, then the alert's own key.</summary>
    static string FeedKey(DateTimeOffset at, TableEntity row) =>
        $"{(DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D20", System.Globalization.CultureInfo.InvariantCulture)}|{row.PartitionKey}|{row.RowKey}";

    static DeliveredAlert Read(TableEntity row) => new(
        JsonSerializer.Deserialize<SlaAlert>(row.GetString("Alert"), WorkflowJson.Options) ?? throw new InvalidOperationException("An alert row holds no alert."),
        row.GetDateTimeOffset("DeliveredAt") ?? default,
        row.GetInt32("Deliveries") ?? 1);
}
