using Workflow.Orchestrations.Policy;

namespace Workflow.UnitTests.Policy;

/// <summary>Policy time versus real time (docs/design.md#time-and-the-policy-clock): one setting maps a policy day to real time.</summary>
public class PolicyClockTests
{
    static readonly DateTimeOffset Epoch = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void At_one_second_per_policy_day_ten_real_seconds_after_the_epoch_are_ten_policy_days()
    {
        var clock = new PolicyClock(Epoch, TimeSpan.FromSeconds(1));

        Assert.Equal(Epoch.AddDays(10), clock.ToPolicy(Epoch.AddSeconds(10)));
        Assert.Equal(Epoch.AddSeconds(10), clock.ToReal(Epoch.AddDays(10)));
        Assert.Equal(Epoch, clock.ToPolicy(Epoch));
    }

    [Fact]
    public void Durations_scale_the_same_way()
    {
        var clock = new PolicyClock(Epoch, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(30), clock.ToRealDuration(TimeSpan.FromDays(30)));
        Assert.Equal(TimeSpan.FromDays(45), clock.ToPolicyDuration(TimeSpan.FromSeconds(45)));
        Assert.Equal(TimeSpan.FromHours(12), clock.ToPolicyDuration(TimeSpan.FromMilliseconds(500)));
    }

    [Theory]
    [InlineData(1_000, 0)]
    [InlineData(1_000, 12_345)]
    [InlineData(1_000, -3_600_000)]
    [InlineData(250, 987_654)]
    [InlineData(1_700, 31_000_000)]
    [InlineData(86_400_000, 5_000_000_000)]
    public void Round_trip_from_real_to_policy_and_back_is_within_a_millisecond(long dayLengthMs, long realOffsetMs)
    {
        var clock = new PolicyClock(Epoch, TimeSpan.FromMilliseconds(dayLengthMs));
        DateTimeOffset real = Epoch.AddMilliseconds(realOffsetMs);

        TimeSpan drift = (clock.ToReal(clock.ToPolicy(real)) - real).Duration();

        Assert.True(drift <= TimeSpan.FromMilliseconds(1), $"drift {drift}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(30)]
    [InlineData(400)]
    public void Production_scale_is_the_identity(int days)
    {
        var clock = new PolicyClock(Epoch, PolicyClock.RealDay);
        DateTimeOffset instant = Epoch.AddDays(days).AddMinutes(7);

        Assert.Equal(instant, clock.ToPolicy(instant));
        Assert.Equal(instant, clock.ToReal(instant));
        Assert.Equal(TimeSpan.FromDays(days), clock.ToPolicyDuration(TimeSpan.FromDays(days)));
        Assert.Equal(TimeSpan.FromDays(days), clock.ToRealDuration(TimeSpan.FromDays(days)));
    }
}
