namespace Workflow.Application.Dashboard;

/// <summary>
/// <c>GET /api/dashboard/now</c>: the open applications by stage and SLA state, those at risk and breached (time left
/// first), and the federal leg's open hand-offs with their age. <see cref="AsOf"/> is real time; each application's due
/// date and days are on its own policy clock, as the rest of the API shows them.
/// </summary>
public sealed record DashboardNow(
    DateTimeOffset AsOf,
    int OpenApplications,
    IReadOnlyList<OpenCount> Open,
    IReadOnlyList<OpenCase> AtRisk,
    IReadOnlyList<OpenCase> Breached,
    IReadOnlyList<FederalHandoffView> FederalHandoffs);
