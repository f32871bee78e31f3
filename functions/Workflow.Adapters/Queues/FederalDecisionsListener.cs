using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Application.Federal;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Telemetry;

namespace Workflow.Adapters.Queues;

/// <summary>
/// Listens on queue <c>federal-decisions</c> and hands every message to <see cref="FederalMessageHandler"/>, the same
/// handler as the webhook. Delivered or recorded as late: deleted. Malformed or for an unknown application: moved to
/// <c>federal-decisions-poison</c> with its reason. A handler that throws leaves the message to come back; after
/// <see cref="MaxDeliveries"/> deliveries it is poisoned too.
/// </summary>
public sealed partial class FederalDecisionsListener(
    QueueServiceClient queues,
    StorageNames names,
    IServiceProvider services,
    TimeProvider time,
    ILogger<FederalDecisionsListener> logger) : BackgroundService
{
    /// <summary>Deliveries after which a message whose handling keeps failing is poisoned.</summary>
    public const int MaxDeliveries = 5;

    readonly QueueClient decisions = queues.GetQueueClient(names.FederalDecisionsQueue);
    readonly QueueClient poison = queues.GetQueueClient(names.FederalDecisionsPoisonQueue);

    /// <summary>
    /// One application's messages in turn (an acknowledgement before the decision that follows it in the batch), the
    /// applications at once: each message is a few storage round trips, and in turn a batch of 16 made the last wait for
    /// the fifteen before it. The handler is safe to run at once for one application (the webhook does).
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        QueuePoller.RunAsync(this.decisions, this.HandleAsync, logger, stoppingToken, inTurnBy: ApplicationOf);

    /// <summary>The application a message is about, read from its body; unreadable messages share one turn (the handler poisons them).</summary>
    internal static string ApplicationOf(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            using JsonDocument body = JsonDocument.Parse(StorageQueueMessages.ReadBytes(message));
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("applicationId", out JsonElement id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()!
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    internal async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        using Activity? span = PermitTelemetry.Source.StartActivity("queue federal-decisions receive", ActivityKind.Consumer);
        FederalHandlingResult result;
        try
        {
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            FederalMessageHandler handler = scope.ServiceProvider.GetRequiredService<FederalMessageHandler>();
            result = await handler.HandleAsync(StorageQueueMessages.ReadBytes(message), cancellationToken);
            span?.SetTag(PermitTelemetry.ApplicationIdTag, result.ApplicationId);
            span?.SetTag("permits.federal.handling", Codes.Of(result.Handling));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (message.DequeueCount > MaxDeliveries)
            {
                await this.PoisonAsync(message, $"failed {message.DequeueCount} times: {e.GetType().Name}", PoisonedFederalMessage.Failed, cancellationToken);
                return;
            }

            // The message comes back after its visibility timeout.
            LogFailed(logger, message.MessageId, message.DequeueCount, e.GetType().Name);
            return;
        }

        if (result.IsRetry && message.DequeueCount <= MaxDeliveries)
        {
            return; // the application is still being registered: the message comes back after its visibility timeout
        }

        if (!result.IsSettled)
        {
            await this.PoisonAsync(message, result.Reason, Codes.Of(result.Handling), cancellationToken);
            return;
        }

        await QueuePoller.DeleteAsync(this.decisions, message, cancellationToken);
    }

    async Task PoisonAsync(QueueMessage message, string reason, string handling, CancellationToken cancellationToken)
    {
        string body = StorageQueueMessages.ReadText(message);
        bool truncated = body.Length > PoisonedFederalMessage.MaxBodyChars;
        var envelope = new PoisonedFederalMessage(
            reason.Length <= PoisonedFederalMessage.MaxReasonChars ? reason : reason[..PoisonedFederalMessage.MaxReasonChars] + "...",
            handling,
            time.GetUtcNow(),
            message.DequeueCount,
            message.MessageId,
            truncated ? body[..PoisonedFederalMessage.MaxBodyChars] : body,
            truncated);
        await this.poison.SendJsonAsync(envelope, cancellationToken, timeToLive: StorageQueueMessages.KeepForever);
        await QueuePoller.DeleteAsync(this.decisions, message, cancellationToken);
        LogPoisoned(logger, message.MessageId, handling);
        PermitTelemetry.FederalMessagesPoisoned.Add(1, new KeyValuePair<string, object?>("handling", handling));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federal queue message {QueueMessageId} moved to the poison queue ({Handling})")]
    static partial void LogPoisoned(ILogger logger, string queueMessageId, string handling);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federal queue message {QueueMessageId} failed on delivery {DequeueCount} ({ExceptionType}); it will come back")]
    static partial void LogFailed(ILogger logger, string queueMessageId, long dequeueCount, string exceptionType);
}
