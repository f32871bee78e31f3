using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Adapters.Queues;

/// <summary>
/// Consumes queue <c>sla-alerts</c> and records each alert in the managers' inbox, once per idempotency key however
/// often the queue (at least once) delivers it. An unreadable message is logged by id and dropped; one whose
/// recording keeps failing is dropped after <see cref="MaxDeliveries"/> deliveries (the outbox still holds it).
/// </summary>
public sealed partial class SlaAlertsConsumer(
    QueueServiceClient queues,
    StorageNames names,
    IManagerAlertInbox inbox,
    TimeProvider time,
    ILogger<SlaAlertsConsumer> logger) : BackgroundService
{
    public const int MaxDeliveries = 5;

    readonly QueueClient alerts = queues.GetQueueClient(names.SlaAlertsQueue);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        QueuePoller.RunAsync(this.alerts, this.HandleAsync, logger, stoppingToken);

    /// <summary>The alert a queue message carries, or null when it is not one (not JSON, or without its ids); both hosts' consumers read it so.</summary>
    public static SlaAlert? ReadAlert(QueueMessage message)
    {
        SlaAlert? alert;
        try
        {
            alert = StorageQueueMessages.Read<SlaAlert>(message);
        }
        catch (JsonException)
        {
            return null;
        }

        return alert is null || string.IsNullOrEmpty(alert.ApplicationId) || string.IsNullOrEmpty(alert.IdempotencyKey) ? null : alert;
    }

    internal async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (ReadAlert(message) is not SlaAlert alert)
        {
            LogUnreadable(logger, message.MessageId);
            await QueuePoller.DeleteAsync(this.alerts, message, cancellationToken);
            return;
        }

        bool first;
        try
        {
            first = await inbox.RecordDeliveryAsync(alert, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (message.DequeueCount > MaxDeliveries && e is not OperationCanceledException)
        {
            LogDropped(logger, alert.IdempotencyKey, message.DequeueCount, e.GetType().Name);
            await QueuePoller.DeleteAsync(this.alerts, message, cancellationToken);
            return;
        }

        if (first)
        {
            LogDelivered(logger, alert.IdempotencyKey, alert.Milestone, alert.Audience);
        }

        await QueuePoller.DeleteAsync(this.alerts, message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA alert {IdempotencyKey} delivered: {Milestone} to {Audience}")]
    static partial void LogDelivered(ILogger logger, string idempotencyKey, Orchestrations.Domain.MilestoneKind milestone, Orchestrations.Domain.AlertAudience audience);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA alert queue message {QueueMessageId} is not an alert; dropped")]
    static partial void LogUnreadable(ILogger logger, string queueMessageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA alert {IdempotencyKey} could not be recorded after {DequeueCount} deliveries ({ExceptionType}); dropped, the outbox keeps it")]
    static partial void LogDropped(ILogger logger, string idempotencyKey, long dequeueCount, string exceptionType);
}
