using Workflow.Application.Dashboard;

namespace Workflow.LocalHost.Bench;

/// <summary>p50, p95 and p99 (nearest rank, as the dashboard's <see cref="KpiMath.Percentile"/>) and the maximum of a set of seconds; nulls for none.</summary>
public sealed record Percentiles(int Count, double? P50, double? P95, double? P99, double? Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] all = [.. values];
        return new Percentiles(
            all.Length,
            Round(KpiMath.Percentile(all, 50)),
            Round(KpiMath.Percentile(all, 95)),
            Round(KpiMath.Percentile(all, 99)),
            all.Length == 0 ? null : Round(all.Max()));
    }

    static double? Round(double? seconds) => seconds is double s ? Math.Round(s, 3) : null;
}
