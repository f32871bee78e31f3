using System.Globalization;
using System.Text.Json;
using DurableTask.Core.History;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// Timings taken from an orchestration's own history (the engine's timestamps, not a poller's): from its start to its
/// completion, from an external event's arrival to the episode that handed it to the orchestrator, and where an
/// instance's time went.
/// </summary>
public static class EngineHistory
{
    /// <summary>The part of <see cref="TimeSplit"/> the orchestrator's own episodes take (replay and the new code run).</summary>
    public const string EpisodesRunning = "engine: episodes running";

    /// <summary>The part of <see cref="TimeSplit"/> from a message's arrival to the episode that takes it.</summary>
    public const string MessageToEpisode = "engine: message → its episode";

    /// <summary>
    /// Reads the history as the Azure Storage provider's <c>GetOrchestrationHistoryAsync</c> returns it: a JSON array of
    /// events with EventType (a number or a name), Timestamp, EventId and, for some, Name, TaskScheduledId or FireAt.
    /// </summary>
    public static IReadOnlyList<HistoryEntry> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = JsonDocument.Parse(json);
        var entries = new List<HistoryEntry>();
        foreach (JsonElement item in document.RootElement.EnumerateArray())
        {
            string type = Property(item, "EventType") is JsonElement kind
                ? kind.ValueKind == JsonValueKind.Number ? ((EventType)kind.GetInt32()).ToString() : kind.GetString() ?? string.Empty
                : string.Empty;
            DateTimeOffset timestamp = Property(item, "Timestamp") is JsonElement time
                ? DateTimeOffset.Parse(time.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
                : default;
            string? name = Property(item, "Name") is JsonElement n && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            int eventId = Property(item, "EventId") is JsonElement id && id.ValueKind == JsonValueKind.Number ? id.GetInt32() : -1;
            int? scheduledId = Property(item, "TaskScheduledId") is JsonElement s && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
            DateTimeOffset? fireAt = Property(item, "FireAt") is JsonElement f && f.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(f.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
                : null;
            entries.Add(new HistoryEntry(type, timestamp, name, eventId, scheduledId, fireAt));
        }

        return entries;
    }

    /// <summary>Seconds from ExecutionStarted (the submission scheduled it) to ExecutionCompleted; null while it runs.</summary>
    public static double? StartToCompletion(IReadOnlyList<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        HistoryEntry? started = history.FirstOrDefault(e => e.EventType == nameof(EventType.ExecutionStarted));
        HistoryEntry? completed = history.LastOrDefault(e => e.EventType == nameof(EventType.ExecutionCompleted));
        return started is null || completed is null ? null : (completed.Timestamp - started.Timestamp).TotalSeconds;
    }

    /// <summary>
    /// For each <paramref name="eventName"/> raised: seconds from its EventRaised timestamp (when the client raised it)
    /// to the OrchestratorStarted of the episode that delivered it. An episode's history lists its OrchestratorStarted
    /// first, then the messages it took, so the episode is the nearest OrchestratorStarted before the event.
    /// </summary>
    public static IEnumerable<double> EventToResume(IReadOnlyList<HistoryEntry> history, string eventName)
    {
        ArgumentNullException.ThrowIfNull(history);
        HistoryEntry? episode = null;
        foreach (HistoryEntry entry in history)
        {
            if (entry.EventType == nameof(EventType.OrchestratorStarted))
            {
                episode = entry;
            }
            else if (entry.EventType == nameof(EventType.EventRaised) && entry.Name == eventName && episode is not null)
            {
                yield return (episode.Timestamp - entry.Timestamp).TotalSeconds;
            }
        }
    }

    /// <summary>
    /// Where an instance's time went, in seconds, from its start (the client scheduling it) to the end of its last
    /// episode. The history is a row of episodes; between two of them the instance waits, and the message that wakes it
    /// says for what: an activity (by name), an event (by name: a party or the driver taking its time), a timer. Each
    /// wait is split in two: until that message came (<c>activity X</c>, <c>event Y</c>, <c>timer</c>), and from then to
    /// the episode that took it (<see cref="MessageToEpisode"/>: queues, polling, the history's load); the episodes'
    /// own time is <see cref="EpisodesRunning"/>. When an episode takes several messages, the earliest one woke it. The
    /// parts add up to the whole, so their means over many instances do too (parallel legs count where they ended a wait).
    /// </summary>
    public static IReadOnlyDictionary<string, double> TimeSplit(IReadOnlyList<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var activities = history.Where(e => e.EventType == nameof(EventType.TaskScheduled))
            .GroupBy(e => e.EventId)
            .ToDictionary(g => g.Key, g => g.First().Name ?? "?");
        var parts = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string part, TimeSpan time) => parts[part] = parts.GetValueOrDefault(part) + Math.Max(time.TotalSeconds, 0);

        DateTimeOffset? lastEnd = null;
        for (int i = 0; i < history.Count; i++)
        {
            if (history[i].EventType != nameof(EventType.OrchestratorStarted))
            {
                continue;
            }

            HistoryEntry started = history[i];
            int next = i + 1;
            while (next < history.Count && history[next].EventType != nameof(EventType.OrchestratorStarted))
            {
                next++;
            }

            List<HistoryEntry> episode = [.. history.Skip(i + 1).Take(next - i - 1)];
            if (episode.Where(IsMessage).MinBy(MessageTime) is HistoryEntry woke)
            {
                DateTimeOffset arrived = MessageTime(woke);
                if (lastEnd is DateTimeOffset waitedFrom)
                {
                    Add(WaitedFor(woke, activities), arrived - waitedFrom);
                }

                Add(MessageToEpisode, started.Timestamp - (lastEnd is DateTimeOffset end && end > arrived ? end : arrived));
            }

            if (episode.LastOrDefault(e => e.EventType == nameof(EventType.OrchestratorCompleted)) is HistoryEntry completed)
            {
                Add(EpisodesRunning, completed.Timestamp - started.Timestamp);
                lastEnd = completed.Timestamp;
            }
        }

        return parts;
    }

    static bool IsMessage(HistoryEntry entry) => entry.EventType is nameof(EventType.ExecutionStarted) or nameof(EventType.TaskCompleted)
        or nameof(EventType.TaskFailed) or nameof(EventType.EventRaised) or nameof(EventType.TimerFired)
        or nameof(EventType.SubOrchestrationInstanceCompleted) or nameof(EventType.SubOrchestrationInstanceFailed);

    /// <summary>When a message came: its timestamp, but a timer's moment for a timer (its event is stamped when it was set).</summary>
    static DateTimeOffset MessageTime(HistoryEntry entry) => entry.FireAt ?? entry.Timestamp;

    static string WaitedFor(HistoryEntry woke, Dictionary<int, string> activities) => woke.EventType switch
    {
        nameof(EventType.TaskCompleted) or nameof(EventType.TaskFailed) =>
            $"activity {(woke.TaskScheduledId is int id && activities.TryGetValue(id, out string? name) ? name : "?")}",
        nameof(EventType.EventRaised) => $"event {woke.Name}",
        nameof(EventType.TimerFired) => "timer",
        _ => "sub-orchestration",
    };

    static JsonElement? Property(JsonElement item, string name)
    {
        foreach (JsonProperty property in item.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
