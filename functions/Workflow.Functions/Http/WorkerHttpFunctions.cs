using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Http;
using Workflow.Application.Workers;

namespace Workflow.Functions.Http;

/// <summary>The worker's endpoints (<see cref="WorkerApi"/>) as HTTP functions: same names, routes and handlers as the local host.</summary>
public static class WorkerHttpFunctions
{
    [Function("GetWorkerApplications")]
    public static Task<IResult> GetWorkerApplications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/worker/applications")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Workers, user =>
            WorkerApi.ListAsync(user, Files(context), cancellationToken));

    [Function("GetWorkerApplication")]
    public static Task<IResult> GetWorkerApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/worker/applications/{id}")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Workers, user =>
            WorkerApi.GetAsync(id, user, Files(context), cancellationToken));

    [Function("GetWorkerLetter")]
    public static Task<IResult> GetWorkerLetter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/worker/applications/{id}/letter")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Workers, user =>
            WorkerApi.GetLetterAsync(id, request.HttpContext, user, Files(context), cancellationToken));

    [Function("ExportWorkerData")]
    public static Task<IResult> ExportWorkerData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/worker/export")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Workers, user =>
            WorkerApi.ExportAsync(request.HttpContext, user, Files(context), cancellationToken));

    static WorkerFiles Files(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<WorkerFiles>();
    }
}
