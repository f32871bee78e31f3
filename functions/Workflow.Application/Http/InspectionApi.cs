using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Workflow.Application.Access;
using Workflow.Application.Http.OpenApi;
using Workflow.Application.Inspections;
using Workflow.Application.Ports;
using Workflow.Application.Queries;
using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Http;

/// <summary>
/// The inspectors' ex-post controls (§2.10 (d), <see cref="InspectionQueries"/>): the authorisations register by employer
/// or director, and an employer's applications. Registered by <see cref="PermitApi.MapPermitApi"/> under <c>/api</c>;
/// the Functions app calls the same handlers. Every search is audited.
/// </summary>
public static class InspectionApi
{
    public const string Tag = "Inspections";

    public static RouteGroupBuilder MapInspectionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        RouteGroupBuilder inspections = api.MapGroup("/inspections").WithTags(Tag);
        inspections.MapGet("/grants", GetGrantsAsync)
            .WithName("GetInspectionGrants")
            .RequireAuthorization(AccessPolicies.Inspections)
            .WithSummary("The work authorisations granted to an employer (employer=<KBO number>) or to every company a person directed when it was granted (director=<INSZ or BIS number>), in application id order, a page at a time; the search is audited.")
            .Produces<InspectedAuthorisationPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithMetadata(QueryParameter.PageSize, QueryParameter.Continuation, EmployerParameter, DirectorParameter);
        inspections.MapGet("/applications", GetApplicationsAsync)
            .WithName("GetInspectionApplications")
            .RequireAuthorization(AccessPolicies.Inspections)
            .WithSummary("Every application of an employer (employer=<KBO number>), newest first, with its stage and outcome, a page at a time; the search is audited.")
            .Produces<InspectedApplicationPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithMetadata(QueryParameter.PageSize, QueryParameter.Continuation, EmployerParameter);
        return api;
    }

    static QueryParameter EmployerParameter { get; } = new("employer", "The employer's KBO enterprise number (10 digits, with or without dots or BE).");

    static QueryParameter DirectorParameter { get; } = new("director", "A director's INSZ or BIS number (11 digits, with or without separators); not with employer.");

    public static async Task<IResult> GetGrantsAsync(HttpRequest request, ClaimsPrincipal user, InspectionQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(queries);
        (int? pageSize, string? continuation, IResult? problem) = PermitApi.Paging(request);
        if (problem is not null)
        {
            return problem;
        }

        if (continuation is not null && !ApplicationIds.IsWellFormed(continuation))
        {
            return Problems.BadRequest("continuation is not a token this API gave.");
        }

        (InspectionSearch? search, string? invalid) = InspectionSearch.Parse(request.Query["employer"], request.Query["director"], directorAllowed: true);
        if (search is null)
        {
            return Problems.BadRequest(invalid!);
        }

        return TypedResults.Ok(await queries.GrantsAsync(
            search, Actor.Of(user, AccessPolicies.Inspections), pageSize ?? ApplicationQueries.DefaultPageSize, continuation, cancellationToken));
    }

    public static async Task<IResult> GetApplicationsAsync(HttpRequest request, ClaimsPrincipal user, InspectionQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(queries);
        (int? pageSize, string? continuation, IResult? problem) = PermitApi.Paging(request);
        if (problem is not null)
        {
            return problem;
        }

        if (continuation is not null && !ApplicantIndexKey.IsWellFormed(continuation))
        {
            return Problems.BadRequest("continuation is not a token this API gave.");
        }

        (InspectionSearch? search, string? invalid) = InspectionSearch.Parse(request.Query["employer"], request.Query["director"], directorAllowed: false);
        if (search?.EmployerKbo is not string kbo)
        {
            return Problems.BadRequest(invalid!);
        }

        return TypedResults.Ok(await queries.ApplicationsAsync(
            kbo, Actor.Of(user, AccessPolicies.Inspections), pageSize ?? ApplicationQueries.DefaultPageSize, continuation, cancellationToken));
    }
}
