using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>Reads that failed are counted apart and left out of the latencies.</summary>
public sealed class ReadTimingsTests
{
    [Fact]
    public void Failed_reads_are_counted_and_not_timed()
    {
        ReadTimings timings = ReadTimings.Of("status", [0.010, null, 0.030, 0.020, null]);

        Assert.Equal(("status", 5, 2), (timings.Name, timings.Requests, timings.Failures));
        Assert.Equal(3, timings.Seconds.Count);
        Assert.Equal(0.020, timings.Seconds.P50);
        Assert.Equal(0.030, timings.Seconds.Max);
    }
}
