using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>Who held which partition when, from the looks at the partition table.</summary>
public sealed class PartitionHoldingTests
{
    [Fact]
    public void Consecutive_looks_with_one_owner_make_one_stretch_and_a_change_of_owner_starts_another()
    {
        PartitionSample[] samples =
        [
            new(0, "hub-control-00", "a"), new(0, "hub-control-01", "b"),
            new(1, "hub-control-00", "a"), new(1, "hub-control-01", "b"),
            new(2, "hub-control-00", "a"), new(2, "hub-control-01", ""),
            new(3, "hub-control-00", "a"), new(3, "hub-control-01", "a"),
            new(4, "hub-control-00", "a"), new(4, "hub-control-01", "a"),
        ];

        IReadOnlyList<PartitionHolding> holdings = PartitionHolding.Of(samples);

        Assert.Equal(
            [
                new PartitionHolding("a", "hub-control-00", 0, 4),
                new PartitionHolding("a", "hub-control-01", 3, 4),
                new PartitionHolding("b", "hub-control-01", 0, 1),
            ],
            holdings);
    }

    [Fact]
    public void An_owner_who_comes_back_gets_a_second_stretch_and_samples_out_of_order_are_sorted()
    {
        PartitionSample[] samples = [new(2, "p", "a"), new(0, "p", "a"), new(1, "p", "b")];

        Assert.Equal(
            [new PartitionHolding("a", "p", 0, 0), new PartitionHolding("a", "p", 2, 2), new PartitionHolding("b", "p", 1, 1)],
            PartitionHolding.Of(samples));
    }

    [Fact]
    public void Nobody_holding_anything_gives_no_stretch() =>
        Assert.Empty(PartitionHolding.Of([new(0, "p", ""), new(1, "q", "")]));
}
