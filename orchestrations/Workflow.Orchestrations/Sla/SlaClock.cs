using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Sla;

/// <summary>
/// The Flemish SLA clock of one application (docs/design.md#sla-semantics), in policy time: it starts at submission, pauses while the
/// file waits on the applicant (when the track allows it), and stops at the caseworker's decision. The due date is the
/// start plus the track's days plus every pause. Pure and deterministic: the workflow drives it with its own replay-safe
/// clock, and the API rebuilds it from the case index to show the state at the time of the request.
/// </summary>
public sealed class SlaClock
{
    readonly List<SlaPause> pauses;

    public SlaClock(SlaTerms terms, DateTimeOffset start)
        : this(terms, start, [], null)
    {
    }

    SlaClock(SlaTerms terms, DateTimeOffset start, IEnumerable<SlaPause> pauses, DateTimeOffset? stoppedAt)
    {
        ArgumentNullException.ThrowIfNull(terms);
        this.Terms = terms;
        this.Start = start;
        this.pauses = [.. pauses];
        this.StoppedAt = stoppedAt;
    }

    public SlaTerms Terms { get; }

    public DateTimeOffset Start { get; }

    public IReadOnlyList<SlaPause> Pauses => this.pauses;

    public DateTimeOffset? StoppedAt { get; private set; }

    public bool IsPaused => this.pauses.Count > 0 && this.pauses[^1].End is null;

    public bool IsStopped => this.StoppedAt is not null;

    /// <summary>Rebuilds a clock from what was recorded (the case index), to evaluate it at another moment.</summary>
    public static SlaClock Restore(SlaTerms terms, DateTimeOffset start, IEnumerable<SlaPause> pauses, DateTimeOffset? stoppedAt) =>
        new(terms, start, pauses, stoppedAt);

    /// <summary>Pauses the clock; returns false (and changes nothing) when it is stopped, already paused or the track does not pause.</summary>
    public bool Pause(DateTimeOffset at, PauseReason reason)
    {
        if (this.IsStopped || this.IsPaused || !this.Terms.PausesWhileWaitingOnApplicant)
        {
            return false;
        }

        // A pause never starts before the clock or inside an earlier pause (stamps can arrive out of order).
        DateTimeOffset floor = this.pauses.Count > 0 ? this.pauses[^1].End!.Value : this.Start;
        this.pauses.Add(new SlaPause(at < floor ? floor : at, null, reason));
        return true;
    }

    /// <summary>Resumes a paused clock; returns false when it was not paused.</summary>
    public bool Resume(DateTimeOffset at)
    {
        if (!this.IsPaused)
        {
            return false;
        }

        SlaPause open = this.pauses[^1];
        this.pauses[^1] = open with { End = at < open.Start ? open.Start : at };
        return true;
    }

    /// <summary>Stops the clock for good (the caseworker decided, or the file closed otherwise).</summary>
    public void Stop(DateTimeOffset at)
    {
        if (this.IsStopped)
        {
            return;
        }

        this.Resume(at);
        this.StoppedAt = at;
    }

    /// <summary>Total paused time up to <paramref name="asOf"/> (an open pause counts until then).</summary>
    public TimeSpan PausedAsOf(DateTimeOffset asOf) =>
        this.pauses.Aggregate(TimeSpan.Zero, (total, pause) => total + pause.DurationAsOf(this.Effective(asOf)));

    /// <summary>Time on the SLA clock: since the start, without pauses, up to the stop.</summary>
    public TimeSpan ElapsedAsOf(DateTimeOffset asOf)
    {
        DateTimeOffset until = this.Effective(asOf);
        return until <= this.Start ? TimeSpan.Zero : until - this.Start - this.PausedAsOf(until);
    }

    /// <summary>The due date as known at <paramref name="asOf"/>; it moves while a pause lasts. Null when untracked.</summary>
    public DateTimeOffset? DueAsOf(DateTimeOffset asOf) =>
        this.Terms.DueDays is int days ? this.Start + TimeSpan.FromDays(days) + this.PausedAsOf(asOf) : null;

    /// <summary>When a milestone falls, or null while the clock is paused, stopped or untracked.</summary>
    public DateTimeOffset? MilestoneAt(MilestoneTerm milestone, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return this.IsPaused || this.IsStopped || this.DueAsOf(asOf) is not DateTimeOffset due
            ? null
            : due + TimeSpan.FromDays(milestone.DaysFromDue);
    }

    /// <summary>When the file counts as at risk: the at-risk milestone, or the due date when the track has none.</summary>
    public DateTimeOffset? AtRiskFrom(DateTimeOffset asOf)
    {
        DateTimeOffset? due = this.DueAsOf(asOf);
        MilestoneTerm? atRisk = this.Terms.Milestones.FirstOrDefault(m => m.Kind == MilestoneKind.AtRisk);
        return atRisk is null ? due : due + TimeSpan.FromDays(atRisk.DaysFromDue);
    }

    public SlaState StateAsOf(DateTimeOffset asOf)
    {
        if (this.DueAsOf(asOf) is not DateTimeOffset due)
        {
            return SlaState.Untracked;
        }

        if (this.StoppedAt is DateTimeOffset stopped)
        {
            return stopped <= due ? SlaState.Met : SlaState.Missed;
        }

        if (this.IsPaused)
        {
            return SlaState.Paused;
        }

        if (asOf >= due)
        {
            return SlaState.Breached;
        }

        return asOf >= this.AtRiskFrom(asOf) ? SlaState.AtRisk : SlaState.OnTrack;
    }

    DateTimeOffset Effective(DateTimeOffset asOf) =>
        this.StoppedAt is DateTimeOffset stopped && stopped < asOf ? stopped : asOf;
}
