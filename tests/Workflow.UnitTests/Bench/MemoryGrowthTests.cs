using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>Memory per waiting application, and the straight line to the 10,000.</summary>
public sealed class MemoryGrowthTests
{
    [Fact]
    public void The_growth_over_the_baseline_is_shared_by_the_applications_and_extended_linearly()
    {
        var baseline = new MemorySnapshot(WorkingSetMiB: 200, GcHeapMiB: 20, GcCommittedMiB: 50);
        var loaded = new MemorySnapshot(WorkingSetMiB: 250, GcHeapMiB: 30, GcCommittedMiB: 70);

        MemoryGrowth growth = MemoryGrowth.Of(baseline, loaded, applications: 500, extrapolateTo: 10_000);

        Assert.Equal(500, growth.Applications);
        Assert.Equal(102.4, growth.WorkingSetKiBPerApplication); // 50 MiB / 500
        Assert.Equal(20.5, growth.GcHeapKiBPerApplication); // 10 MiB / 500 = 20.48 KiB
        Assert.Equal(10_000, growth.ExtrapolatedTo);
        Assert.Equal(1200, growth.ExtrapolatedWorkingSetMiB); // 200 + 10,000 × 0.1
        Assert.Equal(220, growth.ExtrapolatedGcHeapMiB); // 20 + 10,000 × 0.02
    }

    [Fact]
    public void Memory_that_shrank_gives_a_negative_slope_rather_than_a_made_up_one()
    {
        MemoryGrowth growth = MemoryGrowth.Of(new MemorySnapshot(300, 40, 80), new MemorySnapshot(290, 40, 80), applications: 100, extrapolateTo: 10_000);

        Assert.Equal(-102.4, growth.WorkingSetKiBPerApplication);
        Assert.Equal(0, growth.GcHeapKiBPerApplication);
        Assert.Equal(-700, growth.ExtrapolatedWorkingSetMiB);
    }

    [Fact]
    public void No_applications_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MemoryGrowth.Of(new MemorySnapshot(1, 1, 1), new MemorySnapshot(1, 1, 1), 0, 10_000));
}
