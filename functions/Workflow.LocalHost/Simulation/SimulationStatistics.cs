using Workflow.Application.Dashboard;

namespace Workflow.LocalHost.Simulation;

/// <summary>The figures of a run: pure arithmetic over <see cref="SimulationResults"/>.</summary>
public static class SimulationStatistics
{
    public const string MaxRule = "max";
    public const string MeanRule = "average";

    public const string FastLane = "fast-lane";
    public const string Standard = "standard";
    public const string StandardPeak = "standard (peak)";

    public static IReadOnlyList<TrackFigures> ByTrack(IEnumerable<ApplicationResult> applications)
    {
        ArgumentNullException.ThrowIfNull(applications);
        return [.. applications
            .GroupBy(a => a.ReportTrack, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                double[] leads = [.. g.Where(a => a.IsDecided).Select(a => a.LeadTimeDays!.Value)];
                double[] clocks = [.. g.Where(a => a.IsDecided).Select(a => a.ClockDays)];
                (double target, string rule) = g.Key switch
                {
                    FastLane => (15d, MaxRule),
                    StandardPeak => (45d, MeanRule),
                    _ => (30d, MeanRule),
                };
                return new TrackFigures(
                    g.Key,
                    g.Count(),
                    leads.Length,
                    KpiMath.Percentile(leads, 50),
                    KpiMath.Percentile(leads, 90),
                    leads.Length == 0 ? null : leads.Max(),
                    leads.Length == 0 ? null : leads.Average(),
                    clocks.Length == 0 ? null : clocks.Max(),
                    clocks.Length == 0 ? null : clocks.Average(),
                    g.Count(a => a.SlaMet == true),
                    target,
                    rule);
            })];
    }

    /// <summary>Share of the pool's decision slots that took a decision (0 to 1).</summary>
    public static double Utilisation(int offered, int used) => offered == 0 ? 0 : (double)used / offered;

    /// <summary>Utilisation over the days before <paramref name="untilDay"/>: the inflow period, without the quiet tail after it.</summary>
    public static double Utilisation(IEnumerable<BacklogSample> backlog, int untilDay)
    {
        BacklogSample[] days = [.. (backlog ?? throw new ArgumentNullException(nameof(backlog))).Where(b => b.Day < untilDay)];
        return Utilisation(days.Sum(b => b.SlotsOffered), days.Sum(b => b.SlotsUsed));
    }

    /// <summary>The 99th percentile of event → workflow latency as a share of a policy day.</summary>
    public static double? LatencyShareP99(IEnumerable<double> latencySeconds, TimeSpan policyDay) =>
        KpiMath.Percentile(latencySeconds, 99) is double p99 ? p99 / policyDay.TotalSeconds : null;

    /// <summary>How many applications of each lead time fall in each whole-day bucket, per track: the histogram's bars.</summary>
    public static IReadOnlyDictionary<string, int[]> LeadTimeHistogram(IEnumerable<ApplicationResult> applications, int buckets)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var histogram = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (ApplicationResult application in applications.Where(a => a.IsDecided))
        {
            if (!histogram.TryGetValue(application.ReportTrack, out int[]? bars))
            {
                histogram[application.ReportTrack] = bars = new int[buckets];
            }

            bars[Math.Clamp((int)Math.Floor(application.LeadTimeDays!.Value), 0, buckets - 1)]++;
        }

        return histogram;
    }
}
