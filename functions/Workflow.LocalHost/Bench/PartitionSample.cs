namespace Workflow.LocalHost.Bench;

/// <summary>One look at the task hub's partition table: who held <see cref="Partition"/> <see cref="Seconds"/> into the run (empty: nobody).</summary>
public sealed record PartitionSample(double Seconds, string Partition, string Owner);
