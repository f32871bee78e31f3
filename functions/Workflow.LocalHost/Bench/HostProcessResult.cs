namespace Workflow.LocalHost.Bench;

/// <summary>One host process of the run on several processes: its worker id, CPU used (until killed), peak working set, and when it was killed (seconds into the run).</summary>
public sealed record HostProcessResult(string WorkerId, int ProcessId, double CpuSeconds, double PeakWorkingSetMiB, double? KilledAtSeconds);
