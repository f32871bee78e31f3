using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>Timings read from an orchestration history as the Azure Storage provider returns it (EventType as a number).</summary>
public sealed class EngineHistoryTests
{
    // Shaped as GetOrchestrationHistoryAsync returns it (trimmed): OrchestratorStarted (12) opens each episode, then
    // the messages it took (an EventRaised, 15, stamped when the client raised it), then what it scheduled.
    const string History = """
        [
          { "EventType": 12, "Timestamp": "2026-11-30T23:18:11.7772913Z", "EventId": -1 },
          { "EventType": 0, "Timestamp": "2026-11-30T23:18:11.5573651Z", "Name": "BareShapeOrchestrator", "EventId": -1 },
          { "EventType": 4, "Timestamp": "2026-11-30T23:18:11.9088028Z", "Name": "NoOpActivity", "EventId": 0 },
          { "EventType": 13, "Timestamp": "2026-11-30T23:18:11.9088067Z", "EventId": -1 },
          { "EventType": 12, "Timestamp": "2026-11-30T23:18:12.8355430Z", "EventId": -1 },
          { "EventType": 15, "Timestamp": "2026-11-30T23:18:12.7528357Z", "Name": "federal", "EventId": -1 },
          { "EventType": 13, "Timestamp": "2026-11-30T23:18:12.8379477Z", "EventId": -1 },
          { "EventType": 12, "Timestamp": "2026-11-30T23:18:12.9710439Z", "EventId": -1 },
          { "EventType": 15, "Timestamp": "2026-11-30T23:18:12.9497474Z", "Name": "caseworker", "EventId": -1 },
          { "EventType": 4, "Timestamp": "2026-11-30T23:18:12.9737420Z", "Name": "NoOpActivity", "EventId": 9 },
          { "EventType": 13, "Timestamp": "2026-11-30T23:18:12.9737453Z", "EventId": -1 },
          { "EventType": 12, "Timestamp": "2026-11-30T23:18:13.2597785Z", "EventId": -1 },
          { "EventType": 5, "Timestamp": "2026-11-30T23:18:13.1868974Z", "EventId": -1 },
          { "EventType": 1, "Timestamp": "2026-11-30T23:18:13.2615491Z", "EventId": 10 },
          { "EventType": 13, "Timestamp": "2026-11-30T23:18:13.2615529Z", "EventId": -1 }
        ]
        """;

    [Fact]
    public void Event_types_are_named_and_names_kept()
    {
        IReadOnlyList<HistoryEntry> entries = EngineHistory.Parse(History);

        Assert.Equal(15, entries.Count);
        Assert.Equal(new HistoryEntry("EventRaised", new DateTimeOffset(2026, 11, 30, 23, 18, 12, TimeSpan.Zero).AddTicks(7528357), "federal"), entries[5]);
        Assert.Equal("ExecutionStarted", entries[1].EventType);
    }

    [Fact]
    public void Start_to_completion_runs_from_execution_started_to_execution_completed()
    {
        double? seconds = EngineHistory.StartToCompletion(EngineHistory.Parse(History));

        Assert.Equal(1.704184, seconds!.Value, precision: 6);
    }

    [Fact]
    public void An_event_resumes_the_workflow_at_the_start_of_the_episode_that_took_it()
    {
        IReadOnlyList<HistoryEntry> entries = EngineHistory.Parse(History);

        Assert.Equal(0.0827073, Assert.Single(EngineHistory.EventToResume(entries, "federal")), precision: 7);
        Assert.Equal(0.0212965, Assert.Single(EngineHistory.EventToResume(entries, "caseworker")), precision: 7);
        Assert.Empty(EngineHistory.EventToResume(entries, "other"));
    }

    [Fact]
    public void A_running_instance_has_no_completion_time() =>
        Assert.Null(EngineHistory.StartToCompletion(EngineHistory.Parse(History.Replace("\"EventType\": 1,", "\"EventType\": 13,", StringComparison.Ordinal))));

    [Fact]
    public void Event_types_given_by_name_are_read_too()
    {
        const string named = """[{ "eventType": "OrchestratorStarted", "timestamp": "2026-11-30T10:00:01Z" }, { "eventType": "EventRaised", "timestamp": "2026-11-30T10:00:00.5Z", "name": "x" }]""";

        Assert.Equal(0.5, Assert.Single(EngineHistory.EventToResume(EngineHistory.Parse(named), "x")));
    }

    [Fact]
    public void An_instances_time_splits_into_its_episodes_what_each_wait_was_for_and_the_delivery_of_what_ended_it()
    {
        // Scheduled at 0.0; episode 1 (1.0–1.1) schedules Sources; its completion at 1.6 is taken at 2.0 (episode to
        // 2.05); the caseworker's event at 4.5 and a timer due at 4.8 (its event stamped when it was set) are taken at 5.0.
        const string history = """
            [
              { "EventType": "OrchestratorStarted", "Timestamp": "2026-11-30T10:00:01.000Z", "EventId": -1 },
              { "EventType": "ExecutionStarted", "Timestamp": "2026-11-30T10:00:00.000Z", "Name": "PermitApplication", "EventId": -1 },
              { "EventType": "TaskScheduled", "Timestamp": "2026-11-30T10:00:01.050Z", "Name": "Sources", "EventId": 0 },
              { "EventType": "TimerCreated", "Timestamp": "2026-11-30T10:00:01.050Z", "EventId": 1, "FireAt": "2026-11-30T10:00:04.800Z" },
              { "EventType": "OrchestratorCompleted", "Timestamp": "2026-11-30T10:00:01.100Z", "EventId": -1 },
              { "EventType": "OrchestratorStarted", "Timestamp": "2026-11-30T10:00:02.000Z", "EventId": -1 },
              { "EventType": "TaskCompleted", "Timestamp": "2026-11-30T10:00:01.600Z", "EventId": -1, "TaskScheduledId": 0 },
              { "EventType": "OrchestratorCompleted", "Timestamp": "2026-11-30T10:00:02.050Z", "EventId": -1 },
              { "EventType": "OrchestratorStarted", "Timestamp": "2026-11-30T10:00:05.000Z", "EventId": -1 },
              { "EventType": "TimerFired", "Timestamp": "2026-11-30T10:00:01.050Z", "EventId": -1, "TimerId": 1, "FireAt": "2026-11-30T10:00:04.800Z" },
              { "EventType": "EventRaised", "Timestamp": "2026-11-30T10:00:04.500Z", "Name": "caseworker", "EventId": -1 },
              { "EventType": "ExecutionCompleted", "Timestamp": "2026-11-30T10:00:05.150Z", "EventId": 2 },
              { "EventType": "OrchestratorCompleted", "Timestamp": "2026-11-30T10:00:05.200Z", "EventId": -1 }
            ]
            """;

        IReadOnlyDictionary<string, double> split = EngineHistory.TimeSplit(EngineHistory.Parse(history));

        Assert.Equal(["activity Sources", EngineHistory.EpisodesRunning, EngineHistory.MessageToEpisode, "event caseworker"], split.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.5, split["activity Sources"], precision: 6);
        Assert.Equal(2.45, split["event caseworker"], precision: 6);
        Assert.Equal(1.0 + 0.4 + 0.5, split[EngineHistory.MessageToEpisode], precision: 6);
        Assert.Equal(0.1 + 0.05 + 0.2, split[EngineHistory.EpisodesRunning], precision: 6);
        Assert.Equal(5.2, split.Values.Sum(), precision: 6);
    }
}
