namespace Workflow.LocalHost.Simulation;

/// <summary>
/// The backlog at the end of policy day <see cref="Day"/>: applications submitted so far, still open (not decided),
/// and of those waiting on a caseworker's decision (the worklist); with the pool's decisions offered and taken that day.
/// </summary>
public sealed record BacklogSample(int Day, int Submitted, int Open, int AwaitingCaseworker, int SlotsOffered, int SlotsUsed);
