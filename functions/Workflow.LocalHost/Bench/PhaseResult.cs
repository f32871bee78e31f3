namespace Workflow.LocalHost.Bench;

/// <summary>
/// What one side of the bench measured: throughput (applications completed per second of the phase, from its first
/// start to its last completion), durable work items (orchestration episodes and activity executions the engine
/// committed), the engine's own timings from each instance's history, CPU and memory of this process (host, proxy and
/// driver together) and of Azurite when the bench started it, the storage requests counted by the proxy, and where an
/// application's time went (<see cref="TimePart"/>, from the same histories).
/// </summary>
public sealed record PhaseResult(
    string Name,
    int Applications,
    int Completed,
    int Failed,
    double Seconds,
    double ApplicationsPerSecond,
    long Episodes,
    long Activities,
    double WorkItemsPerSecond,
    double WorkItemsPerApplication,
    Percentiles SubmissionToCompleted,
    Percentiles FederalAnswerToResumed,
    Percentiles CaseworkerToResumed,
    double CpuMillisecondsPerApplication,
    double? AzuriteCpuMillisecondsPerApplication,
    double PeakWorkingSetMiB,
    int Refusals,
    StorageFigures Storage,
    IReadOnlyList<TimePart> TimeSplit);
