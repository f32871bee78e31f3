using System.Globalization;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Adapters.ServiceBus;

/// <summary>What to replay from the dead-letter queue of <c>federal-decisions</c>.</summary>
/// <param name="Reason">Only messages with this <c>DeadLetterReason</c> (<c>unknown-application</c>, <c>malformed</c>,
/// <c>MaxDeliveryCountExceeded</c>, ...); null for all.</param>
/// <param name="MaxMessages">At most this many are replayed (or listed, on a dry run).</param>
/// <param name="DryRun">List what would be replayed, move nothing.</param>
public sealed record ReplayRequest(string? Reason, int MaxMessages, bool DryRun)
{
    public const int Limit = 500;
}

/// <summary>One dead-lettered message, as listed or replayed: ids, reason and when; the body only on a dry run.</summary>
public sealed record DeadLetteredMessage(
    string MessageId,
    long SequenceNumber,
    string? DeadLetterReason,
    string? DeadLetterErrorDescription,
    int DeliveryCount,
    DateTimeOffset EnqueuedAt,
    string? ReplayedAs,
    string? Body);

public sealed record ReplayReport(bool DryRun, int Scanned, int Replayed, IReadOnlyList<DeadLetteredMessage> Messages);

/// <summary>
/// The runbook's replay of dead-lettered federal callbacks: moves messages from <c>federal-decisions/$DeadLetterQueue</c>
/// back to <c>federal-decisions</c>, optionally only those with one dead-letter reason. Each replayed message is a
/// copy of the original (body, correlation id, subject, properties) under a new message id
/// (<c>{original}-replay-{sequence number}</c>, so the queue's duplicate detection does not drop it as a resend), with
/// <c>replayOf</c> = the original message id; the dead-letter copy is completed only after the send succeeded. At
/// least once: a crash in between replays it twice, and the federal message id in the body makes the workflow drop
/// the second (the audit log records both deliveries).
/// </summary>
public sealed partial class DeadLetterReplay : IAsyncDisposable
{
    /// <summary>Messages scanned per run at most, matching or not.</summary>
    public const int ScanLimit = 2000;

    /// <summary>Bodies shown on a dry run are cut to this many characters.</summary>
    public const int MaxListedBodyChars = 4096;

    readonly ServiceBusReceiver deadLetters;
    readonly ServiceBusSender queue;
    readonly TimeProvider time;
    readonly ILogger<DeadLetterReplay> logger;

    public DeadLetterReplay(ServiceBusClient client, IOptions<ServiceBusSettings> settings, TimeProvider time, ILogger<DeadLetterReplay> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        string queueName = settings.Value.FederalDecisionsQueue;
        this.deadLetters = client.CreateReceiver(
            queueName,
            new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter, ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = 0 });
        this.queue = client.CreateSender(queueName);
        this.time = time;
        this.logger = logger;
    }

    public async Task<ReplayReport> RunAsync(ReplayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        int max = Math.Clamp(request.MaxMessages, 1, ReplayRequest.Limit);
        return request.DryRun
            ? await this.ListAsync(request.Reason, max, cancellationToken)
            : await this.ReplayAsync(request.Reason, max, cancellationToken);
    }

    async Task<ReplayReport> ListAsync(string? reason, int max, CancellationToken cancellationToken)
    {
        var listed = new List<DeadLetteredMessage>();
        int scanned = 0;
        long? from = null;
        while (listed.Count < max && scanned < ScanLimit)
        {
            IReadOnlyList<ServiceBusReceivedMessage> page = await this.deadLetters.PeekMessagesAsync(100, from, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (ServiceBusReceivedMessage message in page)
            {
                scanned++;
                if (Matches(message, reason) && listed.Count < max)
                {
                    string body = message.Body.ToString();
                    listed.Add(Describe(message, null, body.Length <= MaxListedBodyChars ? body : body[..MaxListedBodyChars]));
                }
            }

            from = page[^1].SequenceNumber + 1;
        }

        return new ReplayReport(true, scanned, 0, listed);
    }

    async Task<ReplayReport> ReplayAsync(string? reason, int max, CancellationToken cancellationToken)
    {
        var replayed = new List<DeadLetteredMessage>();
        var skipped = new List<ServiceBusReceivedMessage>();
        int scanned = 0;
        try
        {
            while (replayed.Count < max && scanned < ScanLimit && !cancellationToken.IsCancellationRequested)
            {
                int wanted = reason is null ? Math.Min(100, max - replayed.Count) : 100;
                IReadOnlyList<ServiceBusReceivedMessage> batch = await this.deadLetters.ReceiveMessagesAsync(wanted, TimeSpan.FromSeconds(2), cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (ServiceBusReceivedMessage message in batch)
                {
                    scanned++;
                    if (!Matches(message, reason) || replayed.Count >= max)
                    {
                        // Held (locked) until the end, so this run does not receive it again.
                        skipped.Add(message);
                        continue;
                    }

                    ServiceBusMessage copy = Copy(message, this.time.GetUtcNow());
                    await this.queue.SendMessageAsync(copy, cancellationToken);
                    await this.deadLetters.CompleteMessageAsync(message, cancellationToken);
                    replayed.Add(Describe(message, copy.MessageId, null));
                    LogReplayed(this.logger, message.MessageId, copy.MessageId, message.DeadLetterReason);
                }
            }
        }
        finally
        {
            foreach (ServiceBusReceivedMessage message in skipped)
            {
                try
                {
                    await this.deadLetters.AbandonMessageAsync(message, propertiesToModify: null, CancellationToken.None);
                }
                catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
                {
                    // Released by the broker already.
                }
            }
        }

        return new ReplayReport(false, scanned, replayed.Count, replayed);
    }

    /// <summary>The message to send back: the original's body and properties under a new id, without the dead-letter marks.</summary>
    public static ServiceBusMessage Copy(ServiceBusReceivedMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var copy = new ServiceBusMessage(message);
        copy.ApplicationProperties.Remove("DeadLetterReason");
        copy.ApplicationProperties.Remove("DeadLetterErrorDescription");
        string suffix = string.Create(CultureInfo.InvariantCulture, $"-replay-{message.SequenceNumber}");
        string original = message.MessageId ?? "";
        copy.MessageId = (original.Length + suffix.Length <= ServiceBusMessages.MaxMessageIdLength
            ? original
            : original[..(ServiceBusMessages.MaxMessageIdLength - suffix.Length)]) + suffix;
        copy.ApplicationProperties["replayOf"] = original;
        copy.ApplicationProperties["replayedAt"] = now;
        return copy;
    }

    static bool Matches(ServiceBusReceivedMessage message, string? reason) =>
        reason is null || string.Equals(message.DeadLetterReason, reason, StringComparison.OrdinalIgnoreCase);

    static DeadLetteredMessage Describe(ServiceBusReceivedMessage message, string? replayedAs, string? body) => new(
        message.MessageId,
        message.SequenceNumber,
        message.DeadLetterReason,
        message.DeadLetterErrorDescription,
        message.DeliveryCount,
        message.EnqueuedTime,
        replayedAs,
        body);

    public async ValueTask DisposeAsync()
    {
        await this.deadLetters.DisposeAsync();
        await this.queue.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered federal message {MessageId} ({Reason}) replayed as {ReplayMessageId}")]
    static partial void LogReplayed(ILogger logger, string messageId, string replayMessageId, string? reason);
}
