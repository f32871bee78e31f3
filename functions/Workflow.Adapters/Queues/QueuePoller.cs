using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Workflow.Adapters.Queues;

/// <summary>
/// The receive loop every listener shares: up to 16 messages at a time, hidden for 30 s while handled; straight back
/// for more while there is work, backing off to 1 s when the queue is idle (woken at once when this host sends to it,
/// <see cref="QueueWakeUps"/>); ends quietly when the host stops. A message its handler neither deletes nor updates
/// comes back after the visibility timeout.
/// </summary>
internal static partial class QueuePoller
{
    public const int BatchSize = 16;

    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);

    static readonly TimeSpan FirstIdleDelay = TimeSpan.FromMilliseconds(50);
    static readonly TimeSpan MaxIdleDelay = TimeSpan.FromSeconds(1);
    static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Polls <paramref name="queue"/> until <paramref name="stoppingToken"/> fires. <paramref name="handleAsync"/> handles
    /// one message and deletes it when done; an exception it throws is logged and the message left to come back.
    /// <paramref name="concurrently"/> handles a batch's messages at once (when each may wait) rather than in turn;
    /// <paramref name="inTurnBy"/> handles those of one key (an application) in turn, in the batch's order, and the
    /// keys' turns at once (so one application's messages keep their order and no application waits behind another's).
    /// </summary>
    public static async Task RunAsync(
        QueueClient queue,
        Func<QueueMessage, CancellationToken, Task> handleAsync,
        ILogger logger,
        CancellationToken stoppingToken,
        bool concurrently = false,
        Func<QueueMessage, string>? inTurnBy = null)
    {
        TimeSpan idleDelay = FirstIdleDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                QueueMessage[] messages = (await queue.ReceiveMessagesAsync(BatchSize, VisibilityTimeout, stoppingToken)).Value;
                if (messages.Length == 0)
                {
                    await QueueWakeUps.DelayAsync(queue.Uri, idleDelay, stoppingToken); // sooner when this host sends to it
                    idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, MaxIdleDelay.Ticks));
                    continue;
                }

                idleDelay = FirstIdleDelay;
                if (concurrently)
                {
                    await Task.WhenAll(messages.Select(message => HandleOneAsync(queue, message, handleAsync, logger, stoppingToken)));
                }
                else if (inTurnBy is not null)
                {
                    await Task.WhenAll(messages.GroupBy(inTurnBy, StringComparer.Ordinal).Select(turn => HandleInTurnAsync(queue, turn, handleAsync, logger, stoppingToken)));
                }
                else
                {
                    await HandleInTurnAsync(queue, messages, handleAsync, logger, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Storage unreachable or the queue missing: keep the host running and try again. Type and status only.
                LogReceiveFailed(logger, queue.Name, e.GetType().Name, (e as RequestFailedException)?.Status ?? 0);
                try
                {
                    await Task.Delay(FailureDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    static async Task HandleInTurnAsync(
        QueueClient queue, IEnumerable<QueueMessage> messages, Func<QueueMessage, CancellationToken, Task> handleAsync, ILogger logger, CancellationToken stoppingToken)
    {
        foreach (QueueMessage message in messages)
        {
            await HandleOneAsync(queue, message, handleAsync, logger, stoppingToken);
        }
    }

    static async Task HandleOneAsync(
        QueueClient queue, QueueMessage message, Func<QueueMessage, CancellationToken, Task> handleAsync, ILogger logger, CancellationToken stoppingToken)
    {
        try
        {
            await handleAsync(message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogHandlingFailed(logger, queue.Name, message.MessageId, message.DequeueCount, e.GetType().Name);
        }
    }

    /// <summary>Deletes a handled message; one already gone (deleted by a competing receiver after its timeout) is fine.</summary>
    public static async Task DeleteAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Gone already.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: receiving failed ({ExceptionType}, status {Status}); retrying")]
    static partial void LogReceiveFailed(ILogger logger, string queue, string exceptionType, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: message {MessageId} (delivery {DequeueCount}) failed with {ExceptionType}; it will come back")]
    static partial void LogHandlingFailed(ILogger logger, string queue, string messageId, long dequeueCount, string exceptionType);
}
