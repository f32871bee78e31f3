namespace Workflow.LocalHost.Simulation;

/// <summary>Where a run stands: the policy day, applications submitted and decided (closed) of the total.</summary>
public sealed record SimulationProgress(double Day, int MaxDays, int Submitted, int Closed, int Total, int AwaitingCaseworker);
