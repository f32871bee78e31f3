using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>The bench's means of where the time went: a part one instance lacks counts 0 there, so the means still add up.</summary>
public sealed class TimePartTests
{
    [Fact]
    public void Means_count_a_missing_part_as_zero_and_add_up_to_the_mean_whole()
    {
        IReadOnlyDictionary<string, double>[] splits =
        [
            new Dictionary<string, double> { ["activity Sources"] = 1.0, ["event caseworker"] = 3.0 },
            new Dictionary<string, double> { ["activity Sources"] = 2.0 },
        ];

        IReadOnlyList<TimePart> means = TimePart.MeansOf(splits);

        Assert.Equal([new TimePart("activity Sources", 1.5, 0.5), new TimePart("event caseworker", 1.5, 0.5)], means);
        Assert.Equal(3.0, means.Sum(p => p.MeanSeconds), precision: 6);
    }

    [Fact]
    public void No_instance_gives_no_parts() => Assert.Empty(TimePart.MeansOf([]));
}
