using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Workflow.Adapters.Queues;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Publishes SLA alerts through the outbox (docs/design.md#alerts-and-the-outbox): the row in table <c>Outbox</c> (PK = application id,
/// RK = milestone code) is written first and is the record of truth; then the alert goes out through the
/// <see cref="IAlertDispatcher"/> (queue or topic <c>sla-alerts</c>) and the row is marked dispatched. A repeat of a dispatched alert does nothing; one that crashed before dispatch is
/// sent by the repeat or by <see cref="OutboxRelay"/>.
/// </summary>
public sealed partial class OutboxAlertPublisher(
    TableServiceClient tables,
    IAlertDispatcher dispatcher,
    StorageNames names,
    TimeProvider time,
    ILogger<OutboxAlertPublisher> logger) : IAlertPublisher
{
    readonly TableClient outbox = tables.GetTableClient(names.OutboxTable);

    public async Task PublishAsync(SlaAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var row = new OutboxRow
        {
            PartitionKey = TableKeys.Safe(alert.ApplicationId),
            RowKey = Codes.Of(alert.Milestone),
            IdempotencyKey = alert.IdempotencyKey,
            Payload = StorageQueueMessages.ToJson(alert),
            CreatedAt = time.GetUtcNow(),
            Dispatched = false,
        };
        try
        {
            await this.outbox.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            row = (await this.outbox.GetEntityAsync<OutboxRow>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value;
            if (row.Dispatched)
            {
                return;
            }
        }

        await row.DispatchAsync(this.outbox, dispatcher, time.GetUtcNow(), cancellationToken);
        LogDispatched(logger, row.IdempotencyKey);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {IdempotencyKey} written to the outbox and dispatched")]
    static partial void LogDispatched(ILogger logger, string idempotencyKey);
}
