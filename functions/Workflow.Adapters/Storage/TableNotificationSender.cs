using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Records notifications to employers and workers in table <c>Notifications</c> (PK = application id, RK = the
/// idempotency key made table-safe), once per key. It is the record of what was sent; delivery to the employer's
/// eBox or the worker's address is out of scope here and would read from this table.
/// </summary>
public sealed partial class TableNotificationSender(
    TableServiceClient tables,
    StorageNames names,
    TimeProvider time,
    ILogger<TableNotificationSender> logger) : INotificationSender
{
    readonly TableClient table = tables.GetTableClient(names.NotificationsTable);

    public async Task SendAsync(PartyNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var row = new TableEntity(TableKeys.Safe(notification.ApplicationId), TableKeys.Safe(notification.IdempotencyKey))
        {
            ["IdempotencyKey"] = notification.IdempotencyKey,
            ["Party"] = Codes.Of(notification.Party),
            ["Kind"] = Codes.Of(notification.Kind),
            ["Items"] = JsonSerializer.Serialize(notification.Items, WorkflowJson.Options),
            ["RecordedAt"] = time.GetUtcNow(),
        };
        if (notification.Deadline is DateTimeOffset deadline)
        {
            row["Deadline"] = deadline;
        }

        if (notification.LetterReference is string letter)
        {
            row["LetterReference"] = letter;
        }

        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return; // Sent before.
        }

        LogRecorded(logger, notification.IdempotencyKey);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Key} recorded")]
    static partial void LogRecorded(ILogger logger, string key);
}
