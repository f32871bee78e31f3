namespace Workflow.Application.Dashboard;

/// <summary>
/// <c>GET /api/dashboard/kpis</c>: the KPIs per month (Brussels calendar, policy time) and track against their targets,
/// the volumes per month and category, the refusals by ground, and the evaluation of §2.10. Lead times are days on the
/// SLA clock (from its start to the decision, pauses left out), the measure the targets are set in. <see cref="Range"/>
/// is the months asked for (null: every month).
/// </summary>
public sealed record DashboardKpis(
    DateTimeOffset AsOf,
    MonthRange? Range,
    IReadOnlyList<KpiTarget> Targets,
    IReadOnlyList<TrackMonthKpis> Months,
    IReadOnlyList<CategoryMonthCount> Volumes,
    IReadOnlyList<GroundCount> RefusalGrounds,
    DashboardEvaluation Evaluation);
