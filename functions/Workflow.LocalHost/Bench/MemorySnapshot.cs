using System.Diagnostics;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// This process's memory at one moment: resident (working set), the GC heap's size after the last collection, and what
/// the GC has committed from the system.
/// </summary>
public sealed record MemorySnapshot(double WorkingSetMiB, double GcHeapMiB, double GcCommittedMiB)
{
    /// <summary>Now; with <paramref name="collect"/>, after a full blocking, compacting collection (what is live, not what is garbage yet).</summary>
    public static MemorySnapshot Take(bool collect)
    {
        if (collect)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        using var self = Process.GetCurrentProcess();
        GCMemoryInfo info = GC.GetGCMemoryInfo();
        return new MemorySnapshot(MiB(self.WorkingSet64), MiB(info.HeapSizeBytes), MiB(info.TotalCommittedBytes));
    }

    static double MiB(long bytes) => Math.Round(bytes / 1048576.0, 1);
}
