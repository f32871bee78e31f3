namespace Workflow.LocalHost.Simulation;

/// <summary>
/// What the engine sustains here and how much lag the run tolerates: inflow is kept below
/// <see cref="MaxLoadShare"/> of <see cref="SustainedWorkflowsPerSecond"/>, and the run fails when the 99th percentile
/// of event → workflow latency exceeds <see cref="MaxLatencyShareOfDay"/> of a policy day (lead times would then
/// measure engine lag, not caseworker capacity).
/// </summary>
public sealed record EngineLimits
{
    /// <summary>Whole workflows (submission to letter) per second the engine sustains: about 2 on Azurite with 2 cores.</summary>
    public double SustainedWorkflowsPerSecond { get; init; } = 2;

    public double MaxLoadShare { get; init; } = 0.5;

    public double MaxLatencyShareOfDay { get; init; } = 0.01;

    public IEnumerable<string> Problems()
    {
        if (this.SustainedWorkflowsPerSecond is <= 0 || !double.IsFinite(this.SustainedWorkflowsPerSecond))
        {
            yield return "engine.sustainedWorkflowsPerSecond must be above 0";
        }

        if (this.MaxLoadShare is <= 0 or > 1 || this.MaxLatencyShareOfDay is <= 0 or > 1)
        {
            yield return "engine.maxLoadShare and engine.maxLatencyShareOfDay must be above 0 and at most 1";
        }
    }
}
