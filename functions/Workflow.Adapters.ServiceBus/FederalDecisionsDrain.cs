using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Application.Federal;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Telemetry;

namespace Workflow.Adapters.ServiceBus;

/// <summary>
/// Drains queue <c>federal-decisions</c> (docs/design.md#federal-messages) through <see cref="FederalMessageHandler"/>, the same handler
/// as the Storage-queue listener and the webhook. Peek-lock: a message is completed only after its event was raised on
/// the workflow (<see cref="FederalHandling.Delivered"/>) or it was recorded as late
/// (<see cref="FederalHandling.RecordedLate"/>); malformed messages and messages for an unknown application are
/// dead-lettered with the handling code as <c>DeadLetterReason</c> and the handler's reason as description; a
/// handler that throws has its message abandoned, and Service Bus dead-letters it after the queue's maximum delivery
/// count (reason <c>MaxDeliveryCountExceeded</c>).
/// </summary>
/// <remarks>
/// In Azure Functions a timer-triggered function runs it, because the Service Bus trigger extension is not available
/// here and a hosted processor cannot reach the durable client (it only comes through the <c>[DurableClient]</c> binding).
/// Each delivery is recorded in the audit log under <c>sb-{MessageId}-{DeliveryCount}</c>.
/// </remarks>
public sealed partial class FederalDecisionsDrain : IAsyncDisposable
{
    readonly ServiceBusReceiver receiver;
    readonly ServiceBusSettings settings;
    readonly ILogger<FederalDecisionsDrain> logger;

    public FederalDecisionsDrain(ServiceBusClient client, IOptions<ServiceBusSettings> settings, ILogger<FederalDecisionsDrain> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings.Value;
        this.receiver = client.CreateReceiver(
            this.settings.FederalDecisionsQueue,
            new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = 0 });
        this.logger = logger;
    }

    public Task<DrainReport> DrainAsync(FederalMessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return this.DrainAsync(handler.HandleAsync, cancellationToken);
    }

    /// <summary>Drains with any handler of the same shape as <see cref="FederalMessageHandler.HandleAsync"/>.</summary>
    public async Task<DrainReport> DrainAsync(
        Func<ReadOnlyMemory<byte>, CancellationToken, Task<FederalHandlingResult>> handleAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handleAsync);
        DrainReport report = await PeekLockDrain.RunAsync(
            this.receiver,
            this.settings,
            async (message, ct) =>
            {
                FederalHandlingResult result = await handleAsync(message.Body.ToMemory(), ct);
                return result switch
                {
                    { IsSettled: true } => await PeekLockDrain.CompleteAsync(this.receiver, message, ct),
                    { IsRetry: true } => await PeekLockDrain.AbandonAsync(this.receiver, message, this.logger),
                    _ => await this.DeadLetterAsync(message, result, ct),
                };
            },
            this.logger,
            cancellationToken);
        if (report.Received > 0)
        {
            LogDrained(this.logger, report.Received, report.Completed, report.DeadLettered, report.Abandoned);
        }

        return report;
    }

    /// <summary>Sets a message aside with its handling as the reason, and counts it (a poison message, in the metrics).</summary>
    async Task<DrainOutcome> DeadLetterAsync(ServiceBusReceivedMessage message, FederalHandlingResult result, CancellationToken cancellationToken)
    {
        string handling = Codes.Of(result.Handling);
        PermitTelemetry.FederalMessagesPoisoned.Add(1, new KeyValuePair<string, object?>("handling", handling));
        return await PeekLockDrain.DeadLetterAsync(this.receiver, message, handling, result.Reason, this.logger, cancellationToken);
    }

    public ValueTask DisposeAsync() => this.receiver.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "federal-decisions drained: {Received} received, {Completed} completed, {DeadLettered} dead-lettered, {Abandoned} abandoned")]
    static partial void LogDrained(ILogger logger, int received, int completed, int deadLettered, int abandoned);
}
