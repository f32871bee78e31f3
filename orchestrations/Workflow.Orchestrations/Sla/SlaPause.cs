using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Sla;

/// <summary>A span during which the SLA clock stood still, in policy time. <see cref="End"/> is null while it lasts.</summary>
public sealed record SlaPause(DateTimeOffset Start, DateTimeOffset? End, PauseReason Reason)
{
    /// <summary>How much of the pause lies before <paramref name="asOf"/>: all of it once ended, none of it if it starts later.</summary>
    public TimeSpan DurationAsOf(DateTimeOffset asOf)
    {
        DateTimeOffset until = this.End is DateTimeOffset end && end < asOf ? end : asOf;
        return until > this.Start ? until - this.Start : TimeSpan.Zero;
    }
}
