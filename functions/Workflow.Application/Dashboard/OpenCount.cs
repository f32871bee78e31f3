namespace Workflow.Application.Dashboard;

/// <summary>How many open applications are in a stage with an SLA state (codes).</summary>
public sealed record OpenCount(string Stage, string SlaState, int Count);
