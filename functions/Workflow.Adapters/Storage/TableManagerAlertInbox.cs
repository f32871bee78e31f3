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
/// de-duplication at work.
/// </summary>
public sealed class TableManagerAlertInbox(TableServiceClient tables, StorageNames names) : IManagerAlertInbox
{
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

    public async Task<IReadOnlyList<DeliveredAlert>> ListAsync(string? applicationId, CancellationToken cancellationToken)
    {
        string? filter = applicationId is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(applicationId)}");
        var alerts = new List<DeliveredAlert>();
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            SlaAlert? alert = JsonSerializer.Deserialize<SlaAlert>(row.GetString("Alert"), WorkflowJson.Options);
            if (alert is not null)
            {
                alerts.Add(new DeliveredAlert(alert, row.GetDateTimeOffset("DeliveredAt") ?? default, row.GetInt32("Deliveries") ?? 1));
            }
        }

        return
        [
            .. alerts.OrderBy(a => a.Alert.MilestoneAt)
                .ThenBy(a => a.Alert.ApplicationId, StringComparer.Ordinal)
                .ThenBy(a => a.Alert.Milestone),
        ];
    }
}
