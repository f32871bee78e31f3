using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Sla;

/// <summary>A span during which the SLA clock stood still, in policy time. <see cref="End"/> is null while it lasts.</summary>
public sealed record SlaPause(DateTimeOffset Start, DateTimeOffset? End, PauseReason Reason)
{
    public TimeSpan DurationAsOf(DateTimeOffset asOf) =>
        (this.End ?? (asOf > this.Start ? asOf : this.Start)) - this.Start;
}
