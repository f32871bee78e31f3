namespace Workflow.LocalHost.Bench;

/// <summary>
/// What the run on several host processes measured (bench-processes.json): throughput of the full workflow with
/// <see cref="Processes"/> processes on one task hub, who held which partition when (from the task hub's partition
/// table), each process's CPU and memory, and the books: every application completed, and
/// <see cref="NotDecidedOnce"/> lists those whose timeline does not hold exactly one decision (should be none).
/// Storage requests are counted with idle polling (not measured apart here).
/// </summary>
public sealed record ProcessesResults(
    DateTimeOffset StartedAt,
    string Machine,
    string Storage,
    int Processes,
    bool KillOne,
    int Applications,
    int InFlight,
    TimeSpan PolicyDay,
    string TaskHub,
    IReadOnlyList<string> EngineSettings,
    double Seconds,
    int Completed,
    double ApplicationsPerSecond,
    Percentiles SubmissionToCompleted,
    IReadOnlyList<HostProcessResult> Hosts,
    IReadOnlyList<PartitionHolding> Partitions,
    IReadOnlyList<string> NotDecidedOnce,
    double StorageRequestsPerApplication,
    int Refusals);
