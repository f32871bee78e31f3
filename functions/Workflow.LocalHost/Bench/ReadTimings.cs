namespace Workflow.LocalHost.Bench;

/// <summary>One kind of read against the API: how many were sent, how many failed (not 200), and the latencies of the others in seconds.</summary>
public sealed record ReadTimings(string Name, int Requests, int Failures, Percentiles Seconds)
{
    public static ReadTimings Of(string name, IReadOnlyCollection<double?> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        return new ReadTimings(name, latencies.Count, latencies.Count(l => l is null), Percentiles.Of(latencies.OfType<double>()));
    }
}
