using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Http;
using Workflow.Application.Inspections;

namespace Workflow.Functions.Http;

/// <summary>The inspectors' endpoints (<see cref="InspectionApi"/>) as HTTP functions: same names, routes and handlers as the local host.</summary>
public static class InspectionHttpFunctions
{
    [Function("GetInspectionGrants")]
    public static Task<IResult> GetInspectionGrants(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/inspections/grants")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Inspections, user =>
            InspectionApi.GetGrantsAsync(request, user, Queries(context), cancellationToken));

    [Function("GetInspectionApplications")]
    public static Task<IResult> GetInspectionApplications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/inspections/applications")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Inspections, user =>
            InspectionApi.GetApplicationsAsync(request, user, Queries(context), cancellationToken));

    static InspectionQueries Queries(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<InspectionQueries>();
    }
}
