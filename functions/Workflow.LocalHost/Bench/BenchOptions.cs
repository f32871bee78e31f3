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

    /// <summary>
    /// Scale in memory instead of the side-by-side run: this many applications submitted until each waits on its
    /// caseworker, then memory and read latencies with all of them waiting (<see cref="WaitingResults"/>); 0 for off.
    /// </summary>
    public int Waiting { get; init; }

    /// <summary>Status reads sampled among the waiting applications (sequentially, then <see cref="ReadConcurrency"/> at a time).</summary>
    public int StatusSample { get; init; } = 200;

    public int ReadConcurrency { get; init; } = 8;

    /// <summary>
    /// The full workflow on this many host processes on one task hub instead of the side-by-side run
    /// (<see cref="ProcessesResults"/>); null for off.
    /// </summary>
    public int? Processes { get; init; }

    /// <summary>With <see cref="Processes"/> of 2 or more: one process is SIGKILLed once half the applications have completed.</summary>
    public bool KillOne { get; init; }

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

        if (this.Waiting < 0 || this.StatusSample < 1 || this.ReadConcurrency < 1)
        {
            yield return "--waiting must be zero or more, --status-sample and --read-concurrency at least 1";
        }

        if (this.Processes is < 1 or > 4)
        {
            yield return "--processes must be from 1 to 4";
        }

        if (this.Waiting > 0 && this.Processes is not null)
        {
            yield return "--waiting and --processes are separate runs: give one of them";
        }

        if (this.KillOne && this.Processes is not >= 2)
        {
            yield return "--kill-one needs --processes 2 or more (a survivor to finish the work)";
        }
    }
}
