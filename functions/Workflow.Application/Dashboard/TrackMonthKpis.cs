namespace Workflow.Application.Dashboard;

/// <summary>
/// One month and track (fast-lane, standard, standard-peak, untracked): the files decided in that month, their lead
/// time (p50, p90, mean, max; SLA-clock days), how many met or missed their due date and the compliance share, the
/// pauses (stop-the-clock: how many, and their mean length in days), the mean time to admissibility and of the federal
/// leg, the outcomes, and whether the month met the track's target (null without a target or decisions).
/// </summary>
public sealed record TrackMonthKpis(
    string Month,
    string Track,
    int Decided,
    double? LeadTimeP50,
    double? LeadTimeP90,
    double? LeadTimeAverage,
    double? LeadTimeMax,
    int? TargetDays,
    bool? TargetMet,
    int SlaMet,
    int SlaMissed,
    double? Compliance,
    int Pauses,
    double? PauseDaysAverage,
    double? AdmissibilityDaysAverage,
    double? FederalDaysAverage,
    int Granted,
    int Refused,
    int Inadmissible,
    int Withdrawn);
