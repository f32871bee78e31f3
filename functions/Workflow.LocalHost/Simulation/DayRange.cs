namespace Workflow.LocalHost.Simulation;

/// <summary>A delay in policy days, drawn uniformly between <see cref="Min"/> and <see cref="Max"/>.</summary>
public sealed record DayRange(double Min, double Max)
{
    public bool IsValid => this.Min >= 0 && this.Max >= this.Min && this.Max <= 60 && double.IsFinite(this.Max);

    /// <summary>The delay for a uniform draw in [0, 1).</summary>
    public double At(double uniform) => this.Min + (uniform * (this.Max - this.Min));
}
