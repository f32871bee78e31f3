using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.ServiceBus;

/// <summary>
/// Drains the <c>managers</c> subscription of topic <c>sla-alerts</c> into the managers' inbox
/// (<see cref="IManagerAlertInbox"/>, read by <c>GET /api/alerts</c>), the Service Bus counterpart of the Storage-queue
/// consumer: the inbox records each idempotency key once however often the topic delivers it. An unreadable message
/// is dead-lettered (reason <c>unreadable</c>); one whose recording throws is abandoned and comes back, up to the
/// subscription's maximum delivery count. The outbox keeps every alert regardless.
/// </summary>
public sealed partial class SlaAlertsDrain : IAsyncDisposable
{
    public const string Unreadable = "unreadable";

    readonly ServiceBusReceiver receiver;
    readonly ServiceBusSettings settings;
    readonly IManagerAlertInbox inbox;
    readonly TimeProvider time;
    readonly ILogger<SlaAlertsDrain> logger;

    public SlaAlertsDrain(ServiceBusClient client, IOptions<ServiceBusSettings> settings, IManagerAlertInbox inbox, TimeProvider time, ILogger<SlaAlertsDrain> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings.Value;
        this.receiver = client.CreateReceiver(
            this.settings.SlaAlertsTopic,
            this.settings.ManagersSubscription,
            new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = 0 });
        this.inbox = inbox;
        this.time = time;
        this.logger = logger;
    }

    public async Task<DrainReport> DrainAsync(CancellationToken cancellationToken)
    {
        DrainReport report = await PeekLockDrain.RunAsync(this.receiver, this.settings, this.SettleAsync, this.logger, cancellationToken);
        if (report.Received > 0)
        {
            LogDrained(this.logger, report.Received, report.Completed, report.DeadLettered, report.Abandoned);
        }

        return report;
    }

    async Task<DrainOutcome> SettleAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        SlaAlert? alert;
        try
        {
            alert = JsonSerializer.Deserialize<SlaAlert>(message.Body.ToMemory().Span, WorkflowJson.Options);
        }
        catch (JsonException)
        {
            alert = null;
        }

        if (alert is null || string.IsNullOrEmpty(alert.ApplicationId) || string.IsNullOrEmpty(alert.IdempotencyKey))
        {
            return await PeekLockDrain.DeadLetterAsync(this.receiver, message, Unreadable, "not an SLA alert", this.logger, cancellationToken);
        }

        if (await this.inbox.RecordDeliveryAsync(alert, this.time.GetUtcNow(), cancellationToken))
        {
            LogDelivered(this.logger, alert.IdempotencyKey, alert.Milestone, alert.Audience);
        }

        return await PeekLockDrain.CompleteAsync(this.receiver, message, cancellationToken);
    }

    public ValueTask DisposeAsync() => this.receiver.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA alert {IdempotencyKey} delivered: {Milestone} to {Audience}")]
    static partial void LogDelivered(ILogger logger, string idempotencyKey, Orchestrations.Domain.MilestoneKind milestone, Orchestrations.Domain.AlertAudience audience);

    [LoggerMessage(Level = LogLevel.Information, Message = "sla-alerts/managers drained: {Received} received, {Completed} completed, {DeadLettered} dead-lettered, {Abandoned} abandoned")]
    static partial void LogDrained(ILogger logger, int received, int completed, int deadLettered, int abandoned);
}
