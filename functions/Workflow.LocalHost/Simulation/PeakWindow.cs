namespace Workflow.LocalHost.Simulation;

/// <summary>
/// A peak: days <see cref="FromDay"/> to <see cref="ToDay"/> (inclusive) get <see cref="InflowFactor"/> times the
/// inflow; when <see cref="Declared"/>, managers declare it on the host as the run enters it (standard files then get
/// 45 days) and lift it as the run leaves it.
/// </summary>
public sealed record PeakWindow(int FromDay, int ToDay, double InflowFactor = 1, bool Declared = true, string? Label = null)
{
    public bool Covers(int day) => day >= this.FromDay && day <= this.ToDay;
}
