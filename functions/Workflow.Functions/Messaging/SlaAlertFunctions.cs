using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Adapters.Queues;
using Workflow.Adapters.ServiceBus;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Functions.Messaging;

/// <summary>
/// Delivers SLA alerts to the managers' inbox (<c>GET /api/alerts</c>): from the <c>managers</c> subscription of
/// topic <c>sla-alerts</c> on Service Bus, or from the <c>sla-alerts</c> Storage queue locally. The inbox records each
/// idempotency key once, however often the broker delivers it.
/// </summary>
public static partial class SlaAlertFunctions
{
    /// <summary>The app setting with the drain's NCRONTAB schedule; every 30 s in infra/ and the sample settings.</summary>
    public const string DrainScheduleSetting = "SlaAlertsDrainSchedule";

    [Function("DrainSlaAlerts")]
    public static async Task DrainSlaAlerts(
        [TimerTrigger("%" + DrainScheduleSetting + "%")] TimerInfo timer,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PermitFunctionsApp.Transport(context.InstanceServices) != MessagingTransport.ServiceBus)
        {
            return;
        }

        await context.InstanceServices.GetRequiredService<SlaAlertsDrain>().DrainAsync(cancellationToken);
    }

    /// <summary>
    /// Storage queues (local): an unreadable message is logged by id and dropped (returns); a recording that throws
    /// makes the host retry and, after <c>maxDequeueCount</c>, move it to <c>sla-alerts-poison</c> (the outbox keeps
    /// the alert). Disabled in Azure (<c>AzureWebJobs.SlaAlertsFromStorageQueue.Disabled</c>).
    /// </summary>
    [Function("SlaAlertsFromStorageQueue")]
    public static async Task SlaAlertsFromStorageQueue(
        [QueueTrigger("sla-alerts")] QueueMessage message,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        ILogger logger = context.GetLogger(nameof(SlaAlertFunctions));
        if (SlaAlertsConsumer.ReadAlert(message) is not SlaAlert alert)
        {
            LogUnreadable(logger, message.MessageId);
            return;
        }

        IServiceProvider services = context.InstanceServices;
        if (await services.GetRequiredService<IManagerAlertInbox>().RecordDeliveryAsync(alert, services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken))
        {
            LogDelivered(logger, alert.IdempotencyKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA alert queue message {QueueMessageId} is not an alert; dropped")]
    static partial void LogUnreadable(ILogger logger, string queueMessageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA alert {IdempotencyKey} delivered")]
    static partial void LogDelivered(ILogger logger, string idempotencyKey);
}
