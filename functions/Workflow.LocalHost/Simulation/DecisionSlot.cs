namespace Workflow.LocalHost.Simulation;

/// <summary>A moment (policy days from the start) at which caseworker <see cref="Caseworker"/> (0-based) may take one decision.</summary>
public sealed record DecisionSlot(double Day, int Caseworker);
