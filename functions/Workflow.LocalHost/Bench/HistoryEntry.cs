namespace Workflow.LocalHost.Bench;

/// <summary>One event of an orchestration's history as the engine stored it: its type (DurableTask.Core's EventType name), its timestamp, and its name where it has one (an event raised, an activity scheduled).</summary>
public sealed record HistoryEntry(string EventType, DateTimeOffset Timestamp, string? Name);
