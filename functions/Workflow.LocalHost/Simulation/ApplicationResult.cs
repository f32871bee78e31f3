namespace Workflow.LocalHost.Simulation;

/// <summary>
/// One application at the end of a run, as its status read (no personal data): days are policy days from the start
/// of the run; <see cref="LeadTimeDays"/> runs from submission to decision, <see cref="ClockDays"/> is what the SLA
/// counts of it (the clock stops at the caseworker's decision and pauses while the applicant is awaited);
/// <see cref="Outcome"/> is the decision's outcome, or "open" when the run ended first.
/// </summary>
public sealed record ApplicationResult(
    int Number,
    string ApplicationId,
    string Category,
    string Track,
    bool InPeak,
    double SubmittedDay,
    double? DecidedDay,
    double? LeadTimeDays,
    double ClockDays,
    string SlaState,
    string Outcome)
{
    public bool IsDecided => this.LeadTimeDays is not null;

    /// <summary>Met when the clock stopped within the due date; null while still open.</summary>
    public bool? SlaMet => this.IsDecided ? this.SlaState == "met" : null;

    /// <summary>The track as reported: fast lane, standard, or standard (peak) for a standard file submitted in a declared peak.</summary>
    public string ReportTrack => this.Track == "standard" && this.InPeak ? "standard (peak)" : this.Track;
}
