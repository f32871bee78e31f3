using System.Diagnostics;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace Workflow.Adapters.ServiceBus;

/// <summary>
/// The receive loop both drains share: peek-lock batches of <see cref="ServiceBusSettings.DrainBatchSize"/>, each
/// message settled by its handler, until the entity is empty or the run's budget is spent (so a run ends well inside
/// its timer period and inside the lock duration). A handler that throws has its message abandoned: it comes back,
/// and after the entity's maximum delivery count Service Bus dead-letters it. Cancellation abandons what is in hand.
/// </summary>
internal static partial class PeekLockDrain
{
    /// <summary>Dead-letter descriptions are cut to this many characters (they travel as message properties).</summary>
    public const int MaxDescriptionLength = 1024;

    public static async Task<DrainReport> RunAsync(
        ServiceBusReceiver receiver,
        ServiceBusSettings settings,
        Func<ServiceBusReceivedMessage, CancellationToken, Task<DrainOutcome>> settleAsync,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        DrainReport report = DrainReport.Empty;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < settings.DrainBudget && !cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<ServiceBusReceivedMessage> batch = await receiver.ReceiveMessagesAsync(settings.DrainBatchSize, settings.DrainReceiveWait, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (ServiceBusReceivedMessage message in batch)
            {
                DrainOutcome outcome;
                if (cancellationToken.IsCancellationRequested)
                {
                    outcome = await AbandonAsync(receiver, message, logger);
                }
                else
                {
                    try
                    {
                        outcome = await settleAsync(message, cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || cancellationToken.IsCancellationRequested)
                    {
                        // Type only: an exception message may carry what the handler read.
                        LogFailed(logger, receiver.EntityPath, message.MessageId, message.DeliveryCount, e.GetType().Name);
                        outcome = await AbandonAsync(receiver, message, logger);
                    }
                }

                report = report.Add(outcome);
            }
        }

        return report;
    }

    public static async Task<DrainOutcome> CompleteAsync(ServiceBusReceiver receiver, ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        await receiver.CompleteMessageAsync(message, cancellationToken);
        return DrainOutcome.Completed;
    }

    public static async Task<DrainOutcome> DeadLetterAsync(
        ServiceBusReceiver receiver, ServiceBusReceivedMessage message, string reason, string description, ILogger logger, CancellationToken cancellationToken)
    {
        string cut = description.Length <= MaxDescriptionLength ? description : description[..MaxDescriptionLength];
        await receiver.DeadLetterMessageAsync(message, reason, cut, cancellationToken);
        LogDeadLettered(logger, receiver.EntityPath, message.MessageId, reason);
        return DrainOutcome.DeadLettered;
    }

    /// <summary>Releases the lock so the message comes back; a lost lock (it comes back anyway) is not an error.</summary>
    public static async Task<DrainOutcome> AbandonAsync(ServiceBusReceiver receiver, ServiceBusReceivedMessage message, ILogger logger)
    {
        try
        {
            await receiver.AbandonMessageAsync(message, propertiesToModify: null, CancellationToken.None);
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            LogLockLost(logger, receiver.EntityPath, message.MessageId);
        }

        return DrainOutcome.Abandoned;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EntityPath}: message {MessageId} (delivery {DeliveryCount}) failed with {ExceptionType}; abandoned, it will come back")]
    static partial void LogFailed(ILogger logger, string entityPath, string messageId, int deliveryCount, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EntityPath}: message {MessageId} dead-lettered ({Reason})")]
    static partial void LogDeadLettered(ILogger logger, string entityPath, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EntityPath}: the lock on message {MessageId} was lost before it could be abandoned; it comes back")]
    static partial void LogLockLost(ILogger logger, string entityPath, string messageId);
}
