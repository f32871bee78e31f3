namespace Workflow.LocalHost.Bench;

/// <summary>
/// A stretch of the run during which <see cref="Owner"/> held <see cref="Partition"/>: from the first look that saw it
/// to the last, in seconds into the run (the truth lies within the sampling interval of each end).
/// </summary>
public sealed record PartitionHolding(string Owner, string Partition, double FromSeconds, double ToSeconds)
{
    /// <summary>
    /// The stretches in <paramref name="samples"/>: consecutive looks at a partition with the same owner make one; a
    /// look with nobody holding it ends a stretch and starts none. Ordered by owner, then partition, then time.
    /// </summary>
    public static IReadOnlyList<PartitionHolding> Of(IEnumerable<PartitionSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var holdings = new List<PartitionHolding>();
        foreach (IGrouping<string, PartitionSample> partition in samples.GroupBy(s => s.Partition, StringComparer.Ordinal))
        {
            PartitionHolding? current = null;
            foreach (PartitionSample sample in partition.OrderBy(s => s.Seconds))
            {
                if (current is not null && current.Owner == sample.Owner)
                {
                    current = current with { ToSeconds = sample.Seconds };
                    continue;
                }

                if (current is not null)
                {
                    holdings.Add(current);
                }

                current = sample.Owner.Length == 0 ? null : new PartitionHolding(sample.Owner, sample.Partition, sample.Seconds, sample.Seconds);
            }

            if (current is not null)
            {
                holdings.Add(current);
            }
        }

        return [.. holdings.OrderBy(h => h.Owner, StringComparer.Ordinal).ThenBy(h => h.Partition, StringComparer.Ordinal).ThenBy(h => h.FromSeconds)];
    }
}
