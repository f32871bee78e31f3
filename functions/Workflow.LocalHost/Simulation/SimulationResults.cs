namespace Workflow.LocalHost.Simulation;

/// <summary>
/// What a run measured, for <see cref="SimulationStatistics"/> and the reports. <see cref="Refusals"/> lists every
/// request the host refused (method, endpoint, status, problem): none is expected.
/// </summary>
public sealed record SimulationResults(
    SimulationConfig Config,
    TimeSpan PolicyDayLength,
    string TaskHub,
    IReadOnlyList<ApplicationResult> Applications,
    IReadOnlyList<BacklogSample> Backlog,
    IReadOnlyDictionary<string, int> AlertsByKind,
    IReadOnlyList<double> EventLatencySeconds,
    int SlotsOffered,
    int SlotsUsed,
    double DaysRun,
    int Planned,
    IReadOnlyList<string> Refusals);
