namespace Workflow.LocalHost.Bench;

/// <summary>The bare orchestration's input: how long its racing timer runs (15 policy days of the run).</summary>
public sealed record BareShapeInput(TimeSpan TimerAfter);
