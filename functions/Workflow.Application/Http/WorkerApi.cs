using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Workflow.Application.Access;
using Workflow.Application.Queries;
using Workflow.Application.Workers;

namespace Workflow.Application.Http;

/// <summary>
/// The worker's own door (<see cref="WorkerFiles"/>): the applications that name them, each as its applicant follows it
/// (never the internal findings), its decision letter, and the export of what is held about them (GDPR access). The
/// worker signs in with their own INSZ or BIS number (claim <see cref="PermitClaims.Person"/>); an application names
/// them by that number. Anything else answers 404, as for an application that does not exist.
/// </summary>
public static class WorkerApi
{
    public const string Tag = "Workers";

    const string NoPersonNumber = "Following your own applications needs a sign-in with your INSZ or BIS number (claim 'person').";

    public static RouteGroupBuilder MapWorkerApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        RouteGroupBuilder worker = api.MapGroup("/worker").WithTags(Tag);
        worker.MapGet("/applications", ListAsync)
            .WithName("GetWorkerApplications")
            .RequireRoles(AccessPolicies.Workers)
            .WithSummary("The applications that name the signed-in worker (by their INSZ or BIS number), newest first, each as its applicant follows it.")
            .Produces<WorkerApplications>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        worker.MapGet("/applications/{id}", GetAsync)
            .WithName("GetWorkerApplication")
            .RequireRoles(AccessPolicies.Workers)
            .WithSummary("One application that names the signed-in worker, as its applicant follows it; 404 for any other.")
            .Produces<ApplicationStatus>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        worker.MapGet("/applications/{id}/letter", GetLetterAsync)
            .WithName("GetWorkerLetter")
            .RequireRoles(AccessPolicies.Workers)
            .WithSummary("The decision letter of an application that names the signed-in worker, once issued.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "text/plain")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        worker.MapGet("/export", ExportAsync)
            .WithName("ExportWorkerData")
            .RequireRoles(AccessPolicies.Workers)
            .WithSummary("Everything held about the signed-in worker (GDPR access), per application that names them: the application's personal data, the documents kept (described), the procedure, the authorisation; each export is in the application's audit log.")
            .Produces<WorkerExport>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static async Task<IResult> ListAsync(ClaimsPrincipal user, WorkerFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.KeyOf(user) is string key ? TypedResults.Ok(await files.ApplicationsAsync(key, cancellationToken)) : Problems.Forbidden(NoPersonNumber);
    }

    public static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, WorkerFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.KeyOf(user) is not string key)
        {
            return Problems.Forbidden(NoPersonNumber);
        }

        return await files.ApplicationAsync(key, id, cancellationToken) is ApplicantView view ? TypedResults.Ok(view) : Problems.NoApplication(id);
    }

    public static async Task<IResult> GetLetterAsync(string id, HttpContext http, ClaimsPrincipal user, WorkerFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.KeyOf(user) is not string key)
        {
            return Problems.Forbidden(NoPersonNumber);
        }

        return await files.LetterAsync(key, id, cancellationToken) is { } stored
            ? PermitApi.LetterResult(http, id, stored)
            : Problems.NotFound("There is no decision letter for this application (yet), or it does not name you.");
    }

    public static async Task<IResult> ExportAsync(HttpContext http, ClaimsPrincipal user, WorkerFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(files);
        if (files.KeyOf(user) is not string key)
        {
            return Problems.Forbidden(NoPersonNumber);
        }

        WorkerExport export = await files.ExportAsync(key, Actor.Of(user, AccessPolicies.Workers), PermitApi.ReadId(http), cancellationToken);
        http.Response.Headers.CacheControl = "no-store"; // personal data: not kept by browsers or proxies
        return TypedResults.Ok(export);
    }
}
