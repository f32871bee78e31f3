namespace Workflow.Application.Dashboard;

/// <summary>The dashboard's arithmetic, as pure functions (tested on their own).</summary>
public static class KpiMath
{
    /// <summary>Cells counting fewer people than this are not shown (§2.10: nobody can be singled out).</summary>
    public const int SmallestShownCount = 5;

    /// <summary>
    /// The <paramref name="percent"/>th percentile by the nearest-rank method: the smallest value at least that share of
    /// the values do not exceed (so always one of the values: 3, 5 and 9 days have a p50 of 5 and a p90 of 9). Null for none.
    /// </summary>
    public static double? Percentile(IEnumerable<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return null;
        }

        int rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>The mean, or null for none.</summary>
    public static double? Average(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] all = [.. values];
        return all.Length == 0 ? null : all.Average();
    }

    /// <summary>The share of files decided within their due date (met / (met + missed)), or null when none was decided on a tracked clock.</summary>
    public static double? Compliance(int met, int missed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(met);
        ArgumentOutOfRangeException.ThrowIfNegative(missed);
        return met + missed == 0 ? null : (double)met / (met + missed);
    }

    /// <summary>A share, or null when the whole is zero.</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>A count as it may be shown: null (suppressed) from 1 to 4, the count otherwise (0 singles nobody out).</summary>
    public static int? Suppress(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count is > 0 and < SmallestShownCount ? null : count;
    }

    /// <summary>Days rounded to one decimal, as the dashboard shows them.</summary>
    public static double? Days(double? days) => days is double d ? Math.Round(d, 1, MidpointRounding.AwayFromZero) : null;
}
