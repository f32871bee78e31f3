using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Workflow.Application.Access;
using Workflow.Application.Dashboard;

namespace Workflow.Application.Http;

/// <summary>
/// The managers' dashboard's figures (<see cref="DashboardQueries"/>), read from the KPI projection. Registered by
/// <see cref="PermitApi.MapPermitApi"/> under its <c>/api</c> group; the Functions app calls the same handlers.
/// </summary>
public static class DashboardApi
{
    public const string Tag = "Dashboard";

    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        RouteGroupBuilder dashboard = api.MapGroup("/dashboard").WithTags(Tag);
        dashboard.MapGet("/now", GetNowAsync)
            .WithName("GetDashboardNow")
            .RequireRoles(AccessPolicies.Managers)
            .WithSummary("The open applications by stage and SLA state, those at risk and breached with the time left, and the federal leg's open hand-offs with their age.")
            .Produces<DashboardNow>();
        dashboard.MapGet("/kpis", GetKpisAsync)
            .WithName("GetDashboardKpis")
            .RequireRoles(AccessPolicies.Managers)
            .WithSummary("The KPIs per month and track against their targets (lead time p50/p90, SLA compliance, pauses, time to admissibility, federal leg), volumes per category, refusals by ground, and the evaluation of §2.10 (salary bands with counts under 5 suppressed, fraud signals, withdrawals, exclusions).")
            .Produces<DashboardKpis>();
        return api;
    }

    public static async Task<IResult> GetNowAsync(DashboardQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return TypedResults.Ok(await queries.NowAsync(cancellationToken));
    }

    public static async Task<IResult> GetKpisAsync(DashboardQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return TypedResults.Ok(await queries.KpisAsync(cancellationToken));
    }
}
