using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>The bench's latency percentiles: nearest rank over the measured seconds.</summary>
public sealed class PercentilesTests
{
    [Fact]
    public void One_to_a_hundred_seconds_give_p50_50_p95_95_p99_99_and_max_100()
    {
        Percentiles p = Percentiles.Of(Enumerable.Range(1, 100).Select(i => (double)i).Reverse());

        Assert.Equal((100, 50.0, 95.0, 99.0, 100.0), (p.Count, p.P50, p.P95, p.P99, p.Max));
    }

    [Fact]
    public void Ten_values_put_p95_and_p99_on_the_largest_and_p50_on_the_fifth()
    {
        Percentiles p = Percentiles.Of([0.9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 2.5]);

        Assert.Equal((0.5, 2.5, 2.5), (p.P50, p.P95, p.P99));
    }

    [Fact]
    public void Values_are_rounded_to_the_millisecond()
    {
        Percentiles p = Percentiles.Of([0.12345]);

        Assert.Equal((1, 0.123, 0.123, 0.123, 0.123), (p.Count, p.P50, p.P95, p.P99, p.Max));
    }

    [Fact]
    public void No_values_give_no_percentiles()
    {
        Percentiles p = Percentiles.Of([]);

        Assert.Equal((0, (double?)null, (double?)null, (double?)null, (double?)null), (p.Count, p.P50, p.P95, p.P99, p.Max));
    }
}
