using System.Globalization;
using Workflow.Application.Dashboard;

namespace Workflow.LocalHost.Simulation;

/// <summary>
/// Keeps the engine out of the measurement: the busiest day's arrivals must stay below a share of what the engine
/// sustains, so a policy day must last at least peak arrivals ÷ (share × workflows per second); and the event → workflow
/// latency must stay a small share of a day.
/// </summary>
public static class EngineBudget
{
    /// <summary>The shortest policy day the inflow allows (whole milliseconds, rounded up).</summary>
    public static TimeSpan MinimumPolicyDay(SimulationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        double seconds = ArrivalSchedule.PeakDailyInflow(config) / (config.Engine.MaxLoadShare * config.Engine.SustainedWorkflowsPerSecond);
        return TimeSpan.FromMilliseconds(Math.Ceiling(seconds * 1000));
    }

    /// <summary>Null when the latency is within the limit; else why the run's lead times cannot be trusted.</summary>
    public static string? LatencyProblem(IReadOnlyList<double> latencySeconds, TimeSpan policyDay, double maxShareOfDay)
    {
        ArgumentNullException.ThrowIfNull(latencySeconds);
        if (SimulationStatistics.LatencyShareP99(latencySeconds, policyDay) is not double share || share <= maxShareOfDay)
        {
            return null;
        }

        double p99 = KpiMath.Percentile(latencySeconds, 99)!.Value;
        TimeSpan fits = TimeSpan.FromSeconds(Math.Ceiling(p99 / maxShareOfDay));
        string measured = string.Create(CultureInfo.InvariantCulture, $"the 99th percentile of event → workflow latency is {p99:0.000} s, {share:P1} of a policy day ({policyDay.TotalSeconds:0.###} s); the limit is {maxShareOfDay:P1}.");
        return $"{measured} Lead times would measure engine lag, not caseworker capacity: lengthen policyDayLength or lower the inflow. "
            + $"This lag would fit a day of {fits}; when it comes from load (the engine's storage busy), a longer day also spreads the inflow "
            + "and the lag falls with it, so a shorter one may do: try twice the day first.";
    }
}
