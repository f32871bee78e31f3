using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Adapters;
using Workflow.Adapters.Queues;
using Workflow.Adapters.ServiceBus;
using Workflow.Application.Federal;
using Workflow.Functions.Http;
using Workflow.Orchestrations.Domain;

namespace Workflow.Functions.Messaging;

/// <summary>
/// How federal callbacks reach the workflows besides the webhook: from queue <c>federal-decisions</c>, on Service Bus
/// (in Azure) or on a Storage queue (locally), through <see cref="FederalMessageHandler"/> either way.
/// </summary>
public static partial class FederalDecisionFunctions
{
    /// <summary>The app setting with the drain's NCRONTAB schedule (six fields); every 10 s in infra/ and the sample settings.</summary>
    public const string DrainScheduleSetting = "FederalDecisionsDrainSchedule";

    /// <summary>
    /// Service Bus: a timer-triggered drain, because the Service Bus trigger extension is not available here and a
    /// hosted processor cannot reach the durable client. Each run receives peek-locked batches for a few seconds
    /// (<see cref="FederalDecisionsDrain"/>): completed once the event is raised or the late message recorded,
    /// dead-lettered when malformed or for an unknown application, abandoned when the handler throws. A callback thus
    /// waits at most one period plus a run (about 10-20 s) before it resumes its workflow.
    /// </summary>
    [Function("DrainFederalDecisions")]
    public static async Task DrainFederalDecisions(
        [TimerTrigger("%" + DrainScheduleSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PermitFunctionsApp.Transport(context.InstanceServices) != MessagingTransport.ServiceBus)
        {
            return;
        }

        FederalDecisionsDrain drain = context.InstanceServices.GetRequiredService<FederalDecisionsDrain>();
        FederalMessageHandler handler = CommandServices.Create<FederalMessageHandler>(context.InstanceServices, client);
        await drain.DrainAsync(handler, cancellationToken);
    }

    /// <summary>
    /// Storage queues (local, Azurite): a queue trigger on <c>federal-decisions</c> (plain-text JSON, host.json
    /// <c>messageEncoding: none</c>). Delivered or late: the function returns and the host deletes the message.
    /// Malformed or unknown application: the message goes to <c>federal-decisions-poison</c> in the same envelope as the
    /// local host's listener writes, with its reason. A handler that throws makes the host retry, and after
    /// host.json's <c>maxDequeueCount</c> move the raw message to the same poison queue. Disabled in Azure
    /// (<c>AzureWebJobs.FederalDecisionsFromStorageQueue.Disabled</c>), where Service Bus carries the callbacks.
    /// </summary>
    [Function("FederalDecisionsFromStorageQueue")]
    public static async Task FederalDecisionsFromStorageQueue(
        [QueueTrigger("federal-decisions")] QueueMessage message,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        IServiceProvider services = context.InstanceServices;
        FederalMessageHandler handler = CommandServices.Create<FederalMessageHandler>(services, client);
        FederalHandlingResult result = await handler.HandleAsync(StorageQueueMessages.ReadBytes(message), cancellationToken);
        if (result.IsSettled)
        {
            return;
        }

        if (result.IsRetry)
        {
            // The application is still being registered: fail this delivery so the queue redelivers it later.
            throw new InvalidOperationException($"Application {result.ApplicationId} is still being registered; the message will come back.");
        }

        string body = StorageQueueMessages.ReadText(message);
        bool truncated = body.Length > PoisonedFederalMessage.MaxBodyChars;
        var envelope = new PoisonedFederalMessage(
            result.Reason,
            Codes.Of(result.Handling),
            services.GetRequiredService<TimeProvider>().GetUtcNow(),
            message.DequeueCount,
            message.MessageId,
            truncated ? body[..PoisonedFederalMessage.MaxBodyChars] : body,
            truncated);
        QueueClient poison = services.GetRequiredService<QueueServiceClient>().GetQueueClient(services.GetRequiredService<StorageNames>().FederalDecisionsPoisonQueue);
        await poison.SendJsonAsync(envelope, cancellationToken, timeToLive: StorageQueueMessages.KeepForever);
        LogPoisoned(context.GetLogger(nameof(FederalDecisionFunctions)), message.MessageId, envelope.Handling);
        Workflow.Orchestrations.Telemetry.PermitTelemetry.FederalMessagesPoisoned.Add(1, new KeyValuePair<string, object?>("handling", envelope.Handling));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federal queue message {QueueMessageId} moved to the poison queue ({Handling})")]
    static partial void LogPoisoned(ILogger logger, string queueMessageId, string handling);
}
