namespace Workflow.LocalHost.Bench;

/// <summary>
/// What one side of the bench measured: throughput (applications completed per second of the phase, from its first
/// start to its last completion), durable work items (orchestration episodes and activity executions the engine
/// committed), the engine's own timings from each instance's history, CPU and memory of this process (host, proxy and
/// driver together; of it, the JIT's compiling, which a process only a minute old still does for the code a phase
/// runs first) and of Azurite when the bench started it, the storage requests counted by the proxy, and where an
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
    double JitMillisecondsPerApplication,
    double? AzuriteCpuMillisecondsPerApplication,
    double PeakWorkingSetMiB,
    int Refusals,
    StorageFigures Storage,
    IReadOnlyList<TimePart> TimeSplit)
{
    /// <summary>How many of the machine's cores this process kept busy on average over the phase (its CPU time over the phase's duration).</summary>
    public double CoresBusy => this.CoresOver(this.CpuMillisecondsPerApplication);

    /// <summary>
    /// The same for Azurite, when the bench started it: near 1, its one Node.js thread is saturated and every request
    /// waits its turn (the rate then follows what each application costs it, not the workflow's shape).
    /// </summary>
    public double? AzuriteCoresBusy => this.AzuriteCpuMillisecondsPerApplication is double ms ? this.CoresOver(ms) : null;

    double CoresOver(double millisecondsPerApplication) =>
        this.Seconds > 0 ? Math.Round(millisecondsPerApplication * this.Completed / 1000 / this.Seconds, 2) : 0;
}
