using Workflow.Application.Dashboard;

namespace Workflow.UnitTests.Dashboard;

/// <summary>The dashboard's arithmetic: nearest-rank percentiles, compliance, averages, and suppression of small counts.</summary>
public sealed class KpiMathTests
{
    [Theory]
    [InlineData(new double[] { 3, 5, 9 }, 50, 5)]
    [InlineData(new double[] { 9, 3, 5 }, 90, 9)]
    [InlineData(new double[] { 3, 5, 9 }, 10, 3)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 50, 2)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 90, 9)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 100, 10)]
    [InlineData(new double[] { 7 }, 50, 7)]
    public void A_percentile_is_the_nearest_rank_value(double[] values, double percent, double expected) =>
        Assert.Equal(expected, KpiMath.Percentile(values, percent));

    [Fact]
    public void No_values_have_no_percentile_and_no_average()
    {
        Assert.Null(KpiMath.Percentile([], 50));
        Assert.Null(KpiMath.Average([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => KpiMath.Percentile([1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => KpiMath.Percentile([1], 101));
    }

    [Theory]
    [InlineData(3, 1, 0.75)]
    [InlineData(0, 2, 0.0)]
    [InlineData(5, 0, 1.0)]
    public void Compliance_is_the_share_met_of_those_decided_on_a_tracked_clock(int met, int missed, double expected) =>
        Assert.Equal(expected, KpiMath.Compliance(met, missed));

    [Fact]
    public void Compliance_without_tracked_decisions_is_unknown_not_zero() => Assert.Null(KpiMath.Compliance(0, 0));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, null)]
    [InlineData(4, null)]
    [InlineData(5, 5)]
    [InlineData(12, 12)]
    public void Counts_from_one_to_four_are_suppressed(int count, int? shown) => Assert.Equal(shown, KpiMath.Suppress(count));

    [Fact]
    public void Days_are_rounded_to_one_decimal() => Assert.Equal(5.7, KpiMath.Days(17.0 / 3));
}
