namespace Workflow.LocalHost.Bench;

/// <summary>The bench command's settings (see <see cref="BenchCommand"/> for the switches).</summary>
public sealed record BenchOptions
{
    public int Applications { get; init; } = 100;

    public int InFlight { get; init; } = 16;

    public string Out { get; init; } = BenchCommand.DefaultOut;

    /// <summary>Long enough that no deadline or milestone of the workflow falls due while an application runs; the bare timer runs 15 of these.</summary>
    public TimeSpan PolicyDay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Storage to use instead of an Azurite of the bench's own (UseDevelopmentStorage=true, or explicit endpoints).</summary>
    public string? Storage { get; init; }

    /// <summary>How long one application may take from its start to its completion before the run fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The idle window in which polling is measured, after the warm-up.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Applications of each kind run before measuring, so neither side pays for start-up (JIT, connections, leases).</summary>
    public int Warmup { get; init; } = 2;

    /// <summary>Extra host settings, <c>--Section:Key=value</c> (e.g. --Engine:PartitionCount=2).</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    public IEnumerable<string> Problems()
    {
        if (this.Applications < 1)
        {
            yield return "--applications must be at least 1";
        }

        if (this.InFlight < 1)
        {
            yield return "--in-flight must be at least 1";
        }

        if (this.PolicyDay < TimeSpan.FromSeconds(10))
        {
            yield return "--policy-day must be at least 00:00:10 (the workflow's deadlines would fall due during the run)";
        }

        if (this.Timeout <= TimeSpan.Zero || this.Idle <= TimeSpan.Zero || this.Warmup < 0)
        {
            yield return "--timeout and --idle-seconds must be positive, --warmup zero or more";
        }
    }
}
