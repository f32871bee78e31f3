using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Sla;

namespace Workflow.UnitTests.Sla;

/// <summary>SLA arithmetic (docs/design.md#sla-semantics): due date, pauses that move it, states and elapsed time.</summary>
public class SlaClockTests
{
    static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static readonly MilestoneTerm[] StandardMilestones =
    [
        new(MilestoneKind.Reminder, -10, AlertAudience.Caseworker),
        new(MilestoneKind.AtRisk, -5, AlertAudience.Managers),
        new(MilestoneKind.Breached, 0, AlertAudience.Managers),
        new(MilestoneKind.Escalated, 5, AlertAudience.HeadOfService),
    ];

    static SlaTerms Standard(bool pauses = true) => new(SlaTrack.Standard, 30, false, pauses, StandardMilestones);

    static DateTimeOffset Day(double days) => Start + TimeSpan.FromDays(days);

    [Fact]
    public void Due_date_is_start_plus_30_days_without_pauses()
    {
        var clock = new SlaClock(Standard(), Start);

        Assert.Equal(Day(30), clock.DueAsOf(Start));
        Assert.Equal(Day(30), clock.DueAsOf(Day(12)));
        Assert.Equal(Day(30), clock.DueAsOf(Day(50)));
    }

    [Fact]
    public void A_four_day_pause_moves_the_due_date_to_34_days()
    {
        var clock = new SlaClock(Standard(), Start);

        Assert.True(clock.Pause(Day(5), PauseReason.AwaitingApplicant));
        Assert.True(clock.Resume(Day(9)));

        Assert.Equal(Day(34), clock.DueAsOf(Day(20)));
        Assert.Equal(TimeSpan.FromDays(4), clock.PausedAsOf(Day(20)));
        Assert.False(clock.IsPaused);
    }

    [Fact]
    public void An_open_pause_counts_up_to_as_of_so_the_due_date_moves_while_paused()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Pause(Day(5), PauseReason.InformationRequested);

        Assert.True(clock.IsPaused);
        Assert.Equal(Day(33), clock.DueAsOf(Day(8)));
        Assert.Equal(Day(37), clock.DueAsOf(Day(12)));
        Assert.Equal(SlaState.Paused, clock.StateAsOf(Day(8)));
        Assert.Equal(SlaState.Paused, clock.StateAsOf(Day(40))); // past the original due date, but paused
    }

    [Fact]
    public void Two_pauses_add_up()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Pause(Day(2), PauseReason.AwaitingApplicant);
        clock.Resume(Day(5));
        Assert.True(clock.Pause(Day(10), PauseReason.InformationRequested));
        clock.Resume(Day(14));

        Assert.Equal(2, clock.Pauses.Count);
        Assert.Equal(TimeSpan.FromDays(7), clock.PausedAsOf(Day(20)));
        Assert.Equal(Day(37), clock.DueAsOf(Day(20)));
    }

    [Fact]
    public void Pause_is_a_no_op_when_the_track_disables_pauses()
    {
        var clock = new SlaClock(Standard(pauses: false), Start);

        Assert.False(clock.Pause(Day(5), PauseReason.AwaitingApplicant));

        Assert.False(clock.IsPaused);
        Assert.Empty(clock.Pauses);
        Assert.Equal(Day(30), clock.DueAsOf(Day(20)));
        Assert.Equal(SlaState.OnTrack, clock.StateAsOf(Day(6)));
    }

    [Fact]
    public void Pause_is_a_no_op_when_already_paused()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Pause(Day(5), PauseReason.AwaitingApplicant);

        Assert.False(clock.Pause(Day(7), PauseReason.InformationRequested));

        SlaPause pause = Assert.Single(clock.Pauses);
        Assert.Equal(Day(5), pause.Start);
        Assert.Equal(PauseReason.AwaitingApplicant, pause.Reason);
    }

    [Fact]
    public void Pause_is_a_no_op_when_stopped()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Stop(Day(10));

        Assert.False(clock.Pause(Day(12), PauseReason.AwaitingApplicant));

        Assert.Empty(clock.Pauses);
        Assert.False(clock.IsPaused);
        Assert.Equal(Day(10), clock.StoppedAt);
    }

    [Fact]
    public void A_pause_stamped_before_the_clock_start_is_clamped_to_the_start()
    {
        var clock = new SlaClock(Standard(), Start);

        Assert.True(clock.Pause(Day(-2), PauseReason.AwaitingApplicant));
        clock.Resume(Day(3));

        Assert.Equal(Start, clock.Pauses[0].Start);
        Assert.Equal(TimeSpan.FromDays(3), clock.PausedAsOf(Day(10)));
        Assert.Equal(Day(33), clock.DueAsOf(Day(10)));
    }

    [Fact]
    public void A_pause_stamped_inside_an_earlier_pause_is_clamped_to_its_end()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Pause(Day(5), PauseReason.AwaitingApplicant);
        clock.Resume(Day(9));

        Assert.True(clock.Pause(Day(7), PauseReason.InformationRequested));
        clock.Resume(Day(12));

        Assert.Equal(Day(9), clock.Pauses[1].Start);
        Assert.Equal(TimeSpan.FromDays(7), clock.PausedAsOf(Day(20))); // 4 + 3, not 4 + 5
        Assert.Equal(Day(37), clock.DueAsOf(Day(20)));
    }

    [Fact]
    public void A_resume_stamped_before_its_pause_is_clamped_to_a_zero_pause()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Pause(Day(5), PauseReason.AwaitingApplicant);

        Assert.True(clock.Resume(Day(4)));

        Assert.Equal(TimeSpan.Zero, clock.PausedAsOf(Day(10)));
        Assert.Equal(Day(30), clock.DueAsOf(Day(10)));
        Assert.False(clock.Resume(Day(6)));
    }

    [Theory]
    [InlineData(0L, SlaState.OnTrack)]
    [InlineData((25 * TimeSpan.TicksPerDay) - 1, SlaState.OnTrack)] // just before the at-risk milestone (due − 5)
    [InlineData(25 * TimeSpan.TicksPerDay, SlaState.AtRisk)]
    [InlineData((30 * TimeSpan.TicksPerDay) - 1, SlaState.AtRisk)]
    [InlineData(30 * TimeSpan.TicksPerDay, SlaState.Breached)] // at the due date
    [InlineData(60 * TimeSpan.TicksPerDay, SlaState.Breached)]
    public void States_at_the_boundaries(long ticksAfterStart, SlaState expected)
    {
        var clock = new SlaClock(Standard(), Start);

        Assert.Equal(expected, clock.StateAsOf(Start + TimeSpan.FromTicks(ticksAfterStart)));
    }

    [Fact]
    public void Boundaries_move_with_a_pause()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Pause(Day(5), PauseReason.AwaitingApplicant);
        clock.Resume(Day(9));

        Assert.Equal(SlaState.OnTrack, clock.StateAsOf(Day(29) - TimeSpan.FromTicks(1)));
        Assert.Equal(SlaState.AtRisk, clock.StateAsOf(Day(29)));
        Assert.Equal(SlaState.AtRisk, clock.StateAsOf(Day(34) - TimeSpan.FromTicks(1)));
        Assert.Equal(SlaState.Breached, clock.StateAsOf(Day(34)));
    }

    [Fact]
    public void Without_an_at_risk_milestone_the_file_is_at_risk_only_from_the_due_date()
    {
        var clock = new SlaClock(new SlaTerms(SlaTrack.Standard, 30, false, true, []), Start);

        Assert.Equal(SlaState.OnTrack, clock.StateAsOf(Day(29)));
        Assert.Equal(SlaState.Breached, clock.StateAsOf(Day(30)));
    }

    [Theory]
    [InlineData(29 * TimeSpan.TicksPerDay, SlaState.Met)]
    [InlineData(30 * TimeSpan.TicksPerDay, SlaState.Met)] // at the due date
    [InlineData((30 * TimeSpan.TicksPerDay) + 1, SlaState.Missed)]
    [InlineData(40 * TimeSpan.TicksPerDay, SlaState.Missed)]
    public void Stop_before_or_at_the_due_date_is_met_after_it_missed(long stopTicksAfterStart, SlaState expected)
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Stop(Start + TimeSpan.FromTicks(stopTicksAfterStart));

        Assert.True(clock.IsStopped);
        Assert.Equal(expected, clock.StateAsOf(Day(90)));
        Assert.Equal(expected, clock.StateAsOf(Start + TimeSpan.FromTicks(stopTicksAfterStart)));
    }

    [Fact]
    public void A_stop_inside_the_due_date_moved_by_a_pause_is_met()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Pause(Day(5), PauseReason.AwaitingApplicant);
        clock.Resume(Day(9));
        clock.Stop(Day(33));

        Assert.Equal(SlaState.Met, clock.StateAsOf(Day(90)));
    }

    [Fact]
    public void Stop_while_paused_closes_the_pause_at_the_stop()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Pause(Day(5), PauseReason.InformationRequested);
        clock.Stop(Day(12));

        Assert.False(clock.IsPaused);
        Assert.Equal(Day(12), clock.Pauses[0].End);
        Assert.Equal(TimeSpan.FromDays(5), clock.ElapsedAsOf(Day(50)));
        Assert.Equal(Day(37), clock.DueAsOf(Day(50))); // the due date stopped moving at the stop
        Assert.Equal(SlaState.Met, clock.StateAsOf(Day(50)));
    }

    [Fact]
    public void A_second_stop_is_ignored()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Stop(Day(10));
        clock.Stop(Day(40));

        Assert.Equal(Day(10), clock.StoppedAt);
        Assert.Equal(SlaState.Met, clock.StateAsOf(Day(90)));
    }

    [Fact]
    public void Untracked_clock_has_no_due_date_no_milestones_and_is_untracked()
    {
        var clock = new SlaClock(new SlaTerms(SlaTrack.Standard, null, false, true, StandardMilestones), Start);

        Assert.Null(clock.DueAsOf(Day(10)));
        Assert.Null(clock.AtRiskFrom(Day(10)));
        Assert.All(StandardMilestones, m => Assert.Null(clock.MilestoneAt(m, Day(10))));
        Assert.Equal(SlaState.Untracked, clock.StateAsOf(Day(10)));
        Assert.Equal(SlaState.Untracked, clock.StateAsOf(Day(400)));

        clock.Stop(Day(500));
        Assert.Equal(SlaState.Untracked, clock.StateAsOf(Day(600)));
    }

    [Fact]
    public void Elapsed_time_excludes_pauses_and_stops_at_the_stop()
    {
        var clock = new SlaClock(Standard(), Start);
        clock.Pause(Day(5), PauseReason.AwaitingApplicant);

        Assert.Equal(TimeSpan.FromDays(5), clock.ElapsedAsOf(Day(8))); // open pause: frozen at 5
        clock.Resume(Day(9));
        Assert.Equal(TimeSpan.FromDays(16), clock.ElapsedAsOf(Day(20))); // 20 − 4 paused

        clock.Stop(Day(25));
        Assert.Equal(TimeSpan.FromDays(21), clock.ElapsedAsOf(Day(25)));
        Assert.Equal(TimeSpan.FromDays(21), clock.ElapsedAsOf(Day(200)));
    }

    [Fact]
    public void Elapsed_time_before_the_start_is_zero()
    {
        var clock = new SlaClock(Standard(), Start);

        Assert.Equal(TimeSpan.Zero, clock.ElapsedAsOf(Day(-3)));
        Assert.Equal(TimeSpan.Zero, clock.ElapsedAsOf(Start));
    }

    [Fact]
    public void A_restored_clock_evaluates_like_the_original()
    {
        var original = new SlaClock(Standard(), Start);
        original.Pause(Day(5), PauseReason.AwaitingApplicant);
        original.Resume(Day(9));
        original.Pause(Day(15), PauseReason.InformationRequested);

        SlaClock restored = SlaClock.Restore(Standard(), Start, original.Pauses, original.StoppedAt);

        Assert.True(restored.IsPaused);
        Assert.Equal(original.DueAsOf(Day(20)), restored.DueAsOf(Day(20)));
        Assert.Equal(original.ElapsedAsOf(Day(20)), restored.ElapsedAsOf(Day(20)));
        Assert.Equal(SlaState.Paused, restored.StateAsOf(Day(20)));
    }

    [Fact]
    public void Paused_time_as_of_a_moment_counts_only_the_part_of_a_recorded_pause_before_that_moment()
    {
        // PausedAsOf documents "total paused time up to asOf"; a clock restored from the case index may be evaluated
        // at a moment before (or inside) a pause that is already recorded as closed.
        SlaClock clock = SlaClock.Restore(Standard(), Start, [new SlaPause(Day(10), Day(14), PauseReason.AwaitingApplicant)], null);

        Assert.Equal(TimeSpan.Zero, clock.PausedAsOf(Day(5)));
        Assert.Equal(TimeSpan.FromDays(5), clock.ElapsedAsOf(Day(5)));
        Assert.Equal(TimeSpan.FromDays(2), clock.PausedAsOf(Day(12)));
        Assert.Equal(TimeSpan.FromDays(10), clock.ElapsedAsOf(Day(12)));
    }
}
