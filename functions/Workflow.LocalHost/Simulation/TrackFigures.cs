namespace Workflow.LocalHost.Simulation;

/// <summary>
/// Lead times of one track in policy days (nearest-rank percentiles over the decided applications), its SLA
/// compliance, and whether the track holds its target: the fast lane decides every file within 15 days, the standard
/// track on average within 30 (45 in a declared peak).
/// </summary>
public sealed record TrackFigures(
    string Track,
    int Applications,
    int Decided,
    double? P50,
    double? P90,
    double? Max,
    double? Mean,
    int SlaMet,
    double TargetDays,
    string TargetRule)
{
    /// <summary>Share of decided files within their SLA (0 to 1), or null when none was decided.</summary>
    public double? SlaCompliance => this.Decided == 0 ? null : (double)this.SlaMet / this.Decided;

    /// <summary>Whether the target holds: every file decided and the track's figure within the target.</summary>
    public bool Holds => this.Decided == this.Applications && this.Decided > 0
        && (this.TargetRule == SimulationStatistics.MaxRule ? this.Max <= this.TargetDays : this.Mean <= this.TargetDays);
}
