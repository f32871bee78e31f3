namespace Workflow.Orchestrations.Policy;

/// <summary>
/// Maps real time to policy time for one application (docs/design.md#time-and-the-policy-clock). A policy day lasts
/// <see cref="DayLength"/> of real time: 24 h in production, about a second in tests and demos. Policy time and real
/// time coincide at <see cref="Epoch"/> (the submission), so due dates read as calendar dates. The scale is stamped into
/// each workflow's input, so a change of setting never moves the clock of an application in flight.
/// </summary>
public sealed record PolicyClock(DateTimeOffset Epoch, TimeSpan DayLength)
{
    public static readonly TimeSpan RealDay = TimeSpan.FromDays(1);

    /// <summary>How many policy seconds pass per real second (1 in production).</summary>
    double Speed => RealDay / this.DayLength;

    public DateTimeOffset ToPolicy(DateTimeOffset real) => this.Epoch + ((real - this.Epoch) * this.Speed);

    public DateTimeOffset ToReal(DateTimeOffset policy) => this.Epoch + ((policy - this.Epoch) / this.Speed);

    /// <summary>The real duration of a policy duration.</summary>
    public TimeSpan ToRealDuration(TimeSpan policy) => policy / this.Speed;

    /// <summary>The policy duration of a real duration.</summary>
    public TimeSpan ToPolicyDuration(TimeSpan real) => real * this.Speed;
}
