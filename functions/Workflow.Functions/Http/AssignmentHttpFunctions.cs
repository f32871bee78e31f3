using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Assignments;
using Workflow.Application.Http;
using Workflow.Application.Queries;

namespace Workflow.Functions.Http;

/// <summary>
/// The assignment endpoints of <see cref="AssignmentApi"/> as HTTP-triggered functions, as <see cref="PermitHttpFunctions"/>
/// does for the rest: the same names, routes and handlers, each behind its endpoint's policy. Assignments never reach
/// the workflow, so no function here takes the durable client.
/// </summary>
public static class AssignmentHttpFunctions
{
    [Function("ClaimApplication")]
    public static Task<IResult> ClaimApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/assignment/claim")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseworkersAndManagers, user =>
            AssignmentApi.ClaimAsync(id, user, Service<AssignmentCommands>(context), cancellationToken));

    [Function("ReleaseApplication")]
    public static Task<IResult> ReleaseApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/assignment/release")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseworkersAndManagers, user =>
            AssignmentApi.ReleaseAsync(id, user, Service<AssignmentCommands>(context), cancellationToken));

    [Function("AssignApplication")]
    public static Task<IResult> AssignApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/applications/{id}/assignment")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Managers, user =>
            AssignmentApi.AssignAsync(id, request, user, Service<AssignmentCommands>(context), cancellationToken));

    [Function("GetAssignment")]
    public static Task<IResult> GetAssignment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/assignment")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseworkersAndManagers, _ =>
            AssignmentApi.GetAssignmentAsync(id, Service<AssignmentQueries>(context), cancellationToken));

    [Function("GetCaseworkers")]
    public static Task<IResult> GetCaseworkers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/caseworkers")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Managers, _ =>
            AssignmentApi.GetCaseworkersAsync(Service<AssignmentQueries>(context), cancellationToken));

    static T Service<T>(FunctionContext context)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<T>();
    }
}
