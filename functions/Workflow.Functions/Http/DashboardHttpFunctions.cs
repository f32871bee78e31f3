using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Dashboard;
using Workflow.Application.Http;

namespace Workflow.Functions.Http;

/// <summary>The managers' dashboard's endpoints (<see cref="DashboardApi"/>) as HTTP functions: same names, routes and handlers as the local host.</summary>
public static class DashboardHttpFunctions
{
    [Function("GetDashboardNow")]
    public static Task<IResult> GetDashboardNow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/now")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Managers, _ =>
            DashboardApi.GetNowAsync(Queries(context), cancellationToken));

    [Function("GetDashboardKpis")]
    public static Task<IResult> GetDashboardKpis(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/kpis")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Managers, _ =>
            DashboardApi.GetKpisAsync(request, Queries(context), cancellationToken));

    [Function("GetDashboardMine")]
    public static Task<IResult> GetDashboardMine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/mine")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseworkersAndManagers, user =>
            DashboardApi.GetMineAsync(user, Queries(context), cancellationToken));

    static DashboardQueries Queries(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<DashboardQueries>();
    }
}
