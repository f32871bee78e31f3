namespace Workflow.LocalHost.Bench;

/// <summary>
/// One event of an orchestration's history as the engine stored it: its type (DurableTask.Core's EventType name), its
/// timestamp, its name where it has one (an event raised, an activity scheduled), its event id, the id of the activity
/// a completion answers, and the moment a timer was set for.
/// </summary>
public sealed record HistoryEntry(string EventType, DateTimeOffset Timestamp, string? Name, int EventId = -1, int? TaskScheduledId = null, DateTimeOffset? FireAt = null);
