using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Queues;

/// <summary>What to replay from <c>federal-decisions-poison</c>.</summary>
/// <param name="Handling">Only entries with this handling code (<c>unknown-application</c>, <c>malformed</c>, <c>failed</c>); null for all.</param>
/// <param name="MessageId">Only the entry with this id: the poison entry's queue message id, the original queue message id,
/// or the federal message id in the body; null for all.</param>
/// <param name="MaxMessages">At most this many are replayed (or listed, on a dry run).</param>
/// <param name="DryRun">List what would be replayed, move nothing.</param>
public sealed record PoisonReplayRequest(string? Handling = null, string? MessageId = null, int MaxMessages = 100, bool DryRun = false)
{
    public const int Limit = 500;
}

/// <summary>What became of one poison entry that matched (or could not be read).</summary>
public static class PoisonReplayOutcome
{
    public const string Replayed = "replayed";
    public const string WouldReplay = "would-replay";

    /// <summary>The envelope kept only the start of an oversized body: replaying it would send something else.</summary>
    public const string SkippedTruncated = "skipped-body-truncated";

    /// <summary>The entry is not a <see cref="PoisonedFederalMessage"/> envelope.</summary>
    public const string SkippedUnreadable = "skipped-unreadable";
}

/// <summary>One poison entry as replayed or listed: ids, why it was poisoned, what was done; the body only on a dry run.</summary>
public sealed record PoisonReplayEntry(
    string PoisonMessageId,
    string? OriginalMessageId,
    string? FederalMessageId,
    string? Handling,
    string? Reason,
    DateTimeOffset? PoisonedAt,
    string Outcome,
    string? ReplayedAs,
    string? Body);

public sealed record PoisonReplayReport(bool DryRun, int Scanned, int Matched, int Replayed, IReadOnlyList<PoisonReplayEntry> Entries);

/// <summary>
/// The local runbook's replay of poisoned federal callbacks, the Storage-queue counterpart of the Service Bus
/// dead-letter replay (<c>Workflow.Adapters.ServiceBus.DeadLetterReplay</c>): after the cause is fixed (typically an
/// application that was not yet known), each matching <see cref="PoisonedFederalMessage"/> envelope's original body goes
/// back onto <c>federal-decisions</c>, and the poison entry is deleted only after that send succeeded. At least once: a
/// crash in between replays it twice, and the federal message id in the body makes the workflow drop the second (the
/// audit log records both deliveries). A body the envelope kept only in part is never replayed.
/// </summary>
/// <remarks>
/// Storage queues cannot be browsed past their first 32 messages, so the run receives the poison queue (each entry held
/// invisible for <see cref="Hold"/>) and releases every entry it did not replay at the end, visible again at once.
/// Nothing else reads the poison queue; an entry of a run that crashed comes back after the hold.
/// </remarks>
public sealed partial class FederalPoisonReplay(QueueServiceClient queues, StorageNames names, ILogger<FederalPoisonReplay> logger)
{
    /// <summary>Entries scanned per run at most, matching or not.</summary>
    public const int ScanLimit = 2000;

    /// <summary>The most messages a Storage queue hands out at once.</summary>
    const int MaxBatch = 32;

    /// <summary>Bodies shown on a dry run are cut to this many characters.</summary>
    public const int MaxListedBodyChars = 4096;

    /// <summary>How long a scanned entry stays invisible while the run lasts (released earlier at the end).</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    readonly QueueClient poison = queues.GetQueueClient(names.FederalDecisionsPoisonQueue);
    readonly QueueClient decisions = queues.GetQueueClient(names.FederalDecisionsQueue);

    public async Task<PoisonReplayReport> RunAsync(PoisonReplayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        int max = Math.Clamp(request.MaxMessages, 1, PoisonReplayRequest.Limit);
        var entries = new List<PoisonReplayEntry>();
        var held = new List<QueueMessage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // A replayed body that fails again is poisoned again while this run still scans: never replay a replay in one run.
        var replayedAs = new HashSet<string>(StringComparer.Ordinal);
        int scanned = 0, matched = 0, replayed = 0;
        try
        {
            while (matched < max && scanned < ScanLimit)
            {
                QueueMessage[] batch = (await this.poison.ReceiveMessagesAsync(MaxBatch, Hold, cancellationToken)).Value;
                if (batch.Length == 0 || batch.All(m => seen.Contains(m.MessageId)))
                {
                    held.AddRange(batch);
                    break;
                }

                foreach (QueueMessage message in batch)
                {
                    if (!seen.Add(message.MessageId) || matched >= max || scanned >= ScanLimit)
                    {
                        held.Add(message);
                        continue;
                    }

                    PoisonedFederalMessage? envelope = ReadEnvelope(message);
                    if (envelope is not null && replayedAs.Contains(envelope.OriginalMessageId))
                    {
                        held.Add(message);
                        continue;
                    }

                    scanned++;
                    string? federalMessageId = envelope is null ? null : FederalMessageId(envelope.Body);
                    if (!Matches(request, message, envelope, federalMessageId))
                    {
                        held.Add(message);
                        continue;
                    }

                    matched++;
                    if (envelope is null || envelope.BodyTruncated || request.DryRun)
                    {
                        string outcome = envelope is null ? PoisonReplayOutcome.SkippedUnreadable
                            : envelope.BodyTruncated ? PoisonReplayOutcome.SkippedTruncated
                            : PoisonReplayOutcome.WouldReplay;
                        entries.Add(Describe(message, envelope, federalMessageId, outcome, replayedAs: null, listBody: request.DryRun));
                        held.Add(message);
                        continue;
                    }

                    // Send first, then delete: a failure in between leaves the entry to be replayed again (at least once).
                    SendReceipt receipt = (await this.decisions.SendTextAsync(envelope.Body, cancellationToken, timeToLive: StorageQueueMessages.KeepForever)).Value;
                    await QueuePoller.DeleteAsync(this.poison, message, cancellationToken);
                    replayed++;
                    replayedAs.Add(receipt.MessageId);
                    entries.Add(Describe(message, envelope, federalMessageId, PoisonReplayOutcome.Replayed, receipt.MessageId, listBody: false));
                    LogReplayed(logger, message.MessageId, envelope.Handling, receipt.MessageId);
                }
            }
        }
        finally
        {
            await this.ReleaseAsync(held);
        }

        return new PoisonReplayReport(request.DryRun, scanned, matched, replayed, entries);
    }

    /// <summary>Makes the entries this run held but did not replay visible again at once.</summary>
    async Task ReleaseAsync(IEnumerable<QueueMessage> held)
    {
        foreach (QueueMessage message in held)
        {
            try
            {
                await this.poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Gone, or received again after the hold: nothing to release.
            }
        }
    }

    static bool Matches(PoisonReplayRequest request, QueueMessage message, PoisonedFederalMessage? envelope, string? federalMessageId)
    {
        if (request.Handling is string handling && !string.Equals(envelope?.Handling, handling, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return request.MessageId is not string id
            || id == message.MessageId
            || id == envelope?.OriginalMessageId
            || id == federalMessageId;
    }

    static PoisonedFederalMessage? ReadEnvelope(QueueMessage message)
    {
        try
        {
            return StorageQueueMessages.Read<PoisonedFederalMessage>(message) is { Body: not null, Handling: not null } envelope ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The federal message id in a body, when the body is JSON with a string <c>messageId</c>; best effort, for filtering and reporting.</summary>
    static string? FederalMessageId(string body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("messageId", out JsonElement id)
                && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static PoisonReplayEntry Describe(QueueMessage message, PoisonedFederalMessage? envelope, string? federalMessageId, string outcome, string? replayedAs, bool listBody)
    {
        string? body = listBody ? envelope?.Body ?? StorageQueueMessages.ReadText(message) : null;
        return new PoisonReplayEntry(
            message.MessageId,
            envelope?.OriginalMessageId,
            federalMessageId,
            envelope?.Handling,
            envelope?.Reason,
            envelope?.ReceivedAt,
            outcome,
            replayedAs,
            body is { Length: > MaxListedBodyChars } ? body[..MaxListedBodyChars] : body);
    }

    /// <summary>The report as indented JSON, with the platform's serializer settings.</summary>
    public static string ToJson(PoisonReplayReport report) => JsonSerializer.Serialize(report, Indented);

    static readonly JsonSerializerOptions Indented = new(WorkflowJson.Options) { WriteIndented = true };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poisoned federal message {PoisonMessageId} ({Handling}) replayed onto federal-decisions as {QueueMessageId}")]
    static partial void LogReplayed(ILogger logger, string poisonMessageId, string handling, string queueMessageId);
}
