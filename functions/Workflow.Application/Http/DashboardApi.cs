using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Workflow.Application.Access;
using Workflow.Application.Dashboard;
using Workflow.Application.Http.OpenApi;

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
        dashboard.MapGet("/mine", GetMineAsync)
            .WithName("GetDashboardMine")
            .RequireRoles(AccessPolicies.CaseworkersAndManagers)
            .WithSummary("The same view of the caller's own work: the open applications assigned to them, by stage and SLA state, at risk and breached with the time left.")
            .Produces<DashboardNow>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        dashboard.MapGet("/kpis", GetKpisAsync)
            .WithName("GetDashboardKpis")
            .RequireRoles(AccessPolicies.Managers)
            .WithSummary("The KPIs per month and track against their targets (lead time p50/p90, SLA compliance, pauses, time to admissibility, federal leg), volumes per category, refusals by ground, and the evaluation of §2.10 (salary bands with counts under 5 suppressed, outcomes per category with the professional cards, fraud signals, withdrawals, the exclusion registry's proposals, confirmations and lifts); from and to (yyyy-MM) limit the months.")
            .WithMetadata(FromParameter, ToParameter)
            .Produces<DashboardKpis>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <summary>The first month of the KPIs, for the OpenAPI document.</summary>
    public static QueryParameter FromParameter { get; } = new("from", "The first month (yyyy-MM) the KPIs cover; with `to`. Without both, every month.");

    /// <summary>The last month of the KPIs, for the OpenAPI document.</summary>
    public static QueryParameter ToParameter { get; } = new("to", $"The last month (yyyy-MM, included); at most {MonthRange.MaxMonths} months after `from`.");

    public static async Task<IResult> GetNowAsync(DashboardQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return TypedResults.Ok(await queries.NowAsync(cancellationToken));
    }

    public static async Task<IResult> GetMineAsync(ClaimsPrincipal user, DashboardQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Actor.PersonOf(user, AccessPolicies.CaseworkersAndManagers) is Actor person
            ? TypedResults.Ok(await queries.MineAsync(person.Subject, cancellationToken))
            : Problems.Forbidden("Your own work needs an identified person (a token with a subject).");
    }

    public static async Task<IResult> GetKpisAsync(HttpRequest request, DashboardQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(queries);
        (MonthRange? range, string? problem) = MonthRange.Parse(request.Query["from"].FirstOrDefault(), request.Query["to"].FirstOrDefault());
        return problem is not null
            ? Problems.BadRequest(problem)
            : TypedResults.Ok(await queries.KpisAsync(range, cancellationToken));
    }
}
