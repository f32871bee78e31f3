namespace Workflow.LocalHost.Simulation;

/// <summary>
/// Lead times of one track in policy days (nearest-rank percentiles over the decided applications, from submission to
/// decision), the SLA clock's days of the same files (the clock pauses while the applicant is awaited), SLA compliance,
/// and whether the track holds its target on the SLA clock: the fast lane decides every file within 15 days, the
/// standard track on average within 30 (45 in a declared peak).
/// </summary>
public sealed record TrackFigures(
    string Track,
    int Applications,
    int Decided,
    double? P50,
    double? P90,
    double? Max,
    double? Mean,
    double? ClockMax,
    double? ClockMean,
    int SlaMet,
    double TargetDays,
    string TargetRule)
{
    /// <summary>Share of decided files within their SLA (0 to 1), or null when none was decided.</summary>
    public double? SlaCompliance => this.Decided == 0 ? null : (double)this.SlaMet / this.Decided;

    /// <summary>Whether the target holds: every file decided and the track's figure within the target.</summary>
    public bool Holds => this.Decided == this.Applications && this.Decided > 0
        && (this.TargetRule == SimulationStatistics.MaxRule ? this.ClockMax <= this.TargetDays : this.ClockMean <= this.TargetDays);
}
