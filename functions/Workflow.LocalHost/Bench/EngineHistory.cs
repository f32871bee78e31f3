using System.Globalization;
using System.Text.Json;
using DurableTask.Core.History;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// Timings taken from an orchestration's own history (the engine's timestamps, not a poller's): from its start to its
/// completion, and from an external event's arrival to the episode that handed it to the orchestrator.
/// </summary>
public static class EngineHistory
{
    /// <summary>
    /// Reads the history as the Azure Storage provider's <c>GetOrchestrationHistoryAsync</c> returns it: a JSON array of
    /// events with EventType (a number or a name), Timestamp and, for some, Name.
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
            entries.Add(new HistoryEntry(type, timestamp, name));
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
