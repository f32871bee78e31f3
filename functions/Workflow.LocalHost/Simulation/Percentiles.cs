namespace Workflow.LocalHost.Simulation;

/// <summary>Percentiles by the nearest-rank method: the value at rank ceil(p/100 × n) of the sorted values (no interpolation, so every figure is one that happened).</summary>
public static class Percentiles
{
    /// <returns>The percentile, or null for no values.</returns>
    public static double? Of(IEnumerable<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return null;
        }

        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
