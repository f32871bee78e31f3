namespace Workflow.LocalHost.Bench;

/// <summary>
/// What the waiting run measured (bench-waiting.json): how fast <see cref="Applications"/> reached their caseworker,
/// this process's memory before the first (<see cref="Baseline"/>) and with all of them waiting (before and after a
/// full collection), and, with all waiting, the latency of status reads and of the worklist's 50-item pages.
/// <see cref="StatusNotWaiting"/> counts sampled statuses whose stage was not awaiting-decision (should be none);
/// <see cref="WorklistFound"/> counts the run's applications met walking the worklist to its end (should be all).
/// </summary>
public sealed record WaitingResults(
    DateTimeOffset StartedAt,
    string Machine,
    string Storage,
    int Applications,
    int InFlight,
    TimeSpan PolicyDay,
    string TaskHub,
    bool ServerGc,
    double SubmissionSeconds,
    double ApplicationsPerSecond,
    MemorySnapshot Baseline,
    MemorySnapshot AllWaiting,
    MemorySnapshot AllWaitingCollected,
    MemoryGrowth Growth,
    ReadTimings StatusSequential,
    ReadTimings StatusConcurrent,
    int StatusNotWaiting,
    ReadTimings WorklistFirstPage,
    ReadTimings WorklistFollowingPages,
    int WorklistFound,
    int Refusals);
