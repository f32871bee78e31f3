namespace Workflow.LocalHost.Bench;

/// <summary>
/// Memory per waiting application: the difference between the process with <see cref="Applications"/> waiting and the
/// same process before the first was submitted (both after a full collection), per application; and, linearly from
/// there, the process at <see cref="ExtrapolatedTo"/> waiting applications. A straight line from the baseline counts
/// what the process grows by on first use (caches, pools, connections) as if each application cost it: an upper bound.
/// The difference between two sizes is the better slope (README, Benchmark).
/// </summary>
public sealed record MemoryGrowth(
    int Applications,
    double WorkingSetKiBPerApplication,
    double GcHeapKiBPerApplication,
    int ExtrapolatedTo,
    double ExtrapolatedWorkingSetMiB,
    double ExtrapolatedGcHeapMiB)
{
    public static MemoryGrowth Of(MemorySnapshot baseline, MemorySnapshot loaded, int applications, int extrapolateTo)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(applications);
        double workingSetPerApplication = (loaded.WorkingSetMiB - baseline.WorkingSetMiB) / applications;
        double heapPerApplication = (loaded.GcHeapMiB - baseline.GcHeapMiB) / applications;
        return new MemoryGrowth(
            applications,
            Math.Round(workingSetPerApplication * 1024, 1),
            Math.Round(heapPerApplication * 1024, 1),
            extrapolateTo,
            Math.Round(baseline.WorkingSetMiB + (workingSetPerApplication * extrapolateTo), 0),
            Math.Round(baseline.GcHeapMiB + (heapPerApplication * extrapolateTo), 0));
    }
}
