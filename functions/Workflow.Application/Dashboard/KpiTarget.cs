namespace Workflow.Application.Dashboard;

/// <summary>A track's lead-time target in policy days: a maximum (the fast lane's 15) or an average (the standard 30, 45 in a peak period).</summary>
public sealed record KpiTarget(string Track, string Measure, int Days);
