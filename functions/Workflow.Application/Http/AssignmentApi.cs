using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Workflow.Application.Access;
using Workflow.Application.Assignments;
using Workflow.Application.Http.OpenApi;
using Workflow.Application.Queries;
using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Http;

/// <summary>
/// Who works on which application: claims, releases and a manager's assignments (<see cref="AssignmentCommands"/>),
/// an application's assignment, the caseworkers with their load, and the worklist's views. Registered by
/// <see cref="PermitApi.MapPermitApi"/> under its <c>/api</c> group; the Functions app calls the same handlers.
/// </summary>
public static class AssignmentApi
{
    const string Unidentified = "Working on applications needs an identified person (a token with a subject).";

    /// <summary>The worklist's <c>view</c>, for the OpenAPI document.</summary>
    public static QueryParameter ViewParameter { get; } = new(
        "view", "Which open decisions: `mine` (assigned to the caller), `unassigned`, or `all` (the default).");

    public static RouteGroupBuilder MapAssignmentApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        RouteGroupBuilder applications = api.MapGroup("/applications").WithTags("Caseworkers");
        applications.MapPost("/{id}/assignment/claim", ClaimAsync)
            .WithName("ClaimApplication")
            .RequireRoles(AccessPolicies.CaseworkersAndManagers)
            .WithSummary("Work on the application yourself: assigns it to the caller (a caseworker, or a manager for themselves). Your own again: 200, repeated, nothing recorded. Someone else's: 409 saying who holds it since when (a manager can reassign it). A decided application cannot be claimed (409).")
            .Produces<AssignmentAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(RetriesWhileRegistering.Instance);
        applications.MapPost("/{id}/assignment/release", ReleaseAsync)
            .WithName("ReleaseApplication")
            .RequireRoles(AccessPolicies.CaseworkersAndManagers)
            .WithSummary("Give the application up: its assignee, or a manager for anyone's. Unassigned already: 200, repeated. A caseworker releasing someone else's gets 409 saying who holds it.")
            .Produces<AssignmentAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(RetriesWhileRegistering.Instance);
        applications.MapPut("/{id}/assignment", AssignAsync)
            .WithTags("Managers")
            .WithName("AssignApplication")
            .RequireRoles(AccessPolicies.Managers)
            .WithSummary("A manager assigns or reassigns the application (absence cover): caseworker (the token subject), an optional display name and reason (kept in the dossier). The same assignee again: 200, repeated. A decided application cannot be assigned (409).")
            .Accepts<AssignRequest>("application/json")
            .Produces<AssignmentAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(RetriesWhileRegistering.Instance);
        applications.MapGet("/{id}/assignment", GetAssignmentAsync)
            .WithName("GetAssignment")
            .RequireRoles(AccessPolicies.CaseworkersAndManagers)
            .WithSummary("Who works on the application since when, and every change: who made it, from whom to whom, and the reason a manager gave.")
            .Produces<AssignmentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/caseworkers", GetCaseworkersAsync)
            .WithTags("Managers")
            .WithName("GetCaseworkers")
            .RequireRoles(AccessPolicies.Managers)
            .WithSummary("Everyone who claimed or was assigned an application, with the size of each one's open worklist, and the open decisions nobody holds.")
            .Produces<CaseworkerList>();
        return api;
    }

    public static async Task<IResult> ClaimAsync(string id, ClaimsPrincipal user, AssignmentCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (!ApplicationIds.IsWellFormed(id))
        {
            return Problems.NoApplication(id);
        }

        return Actor.PersonOf(user, AccessPolicies.CaseworkersAndManagers) is { } actor
            ? PermitApi.ToResult(await commands.ClaimAsync(id, actor, cancellationToken), ok: true)
            : Problems.Forbidden(Unidentified);
    }

    public static async Task<IResult> ReleaseAsync(string id, ClaimsPrincipal user, AssignmentCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(commands);
        if (!ApplicationIds.IsWellFormed(id))
        {
            return Problems.NoApplication(id);
        }

        return Actor.PersonOf(user, AccessPolicies.CaseworkersAndManagers) is { } actor
            ? PermitApi.ToResult(await commands.ReleaseAsync(id, actor, user.IsInRole(Roles.Manager), cancellationToken), ok: true)
            : Problems.Forbidden(Unidentified);
    }

    public static async Task<IResult> AssignAsync(string id, HttpRequest request, ClaimsPrincipal user, AssignmentCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (!ApplicationIds.IsWellFormed(id))
        {
            return Problems.NoApplication(id);
        }

        if (Actor.PersonOf(user, AccessPolicies.Managers) is not { } actor)
        {
            return Problems.Forbidden(Unidentified);
        }

        (AssignRequest? body, IResult? problem) = await JsonBody.ReadAsync<AssignRequest>(request, PermitApi.SmallBodyBytes, cancellationToken);
        return body is null ? problem! : PermitApi.ToResult(await commands.AssignAsync(id, body, actor, cancellationToken), ok: true);
    }

    public static async Task<IResult> GetAssignmentAsync(string id, AssignmentQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        AssignmentView? view = ApplicationIds.IsWellFormed(id) ? await queries.GetAsync(id, cancellationToken) : null;
        return view is null ? Problems.NoApplication(id) : TypedResults.Ok(view);
    }

    public static async Task<IResult> GetCaseworkersAsync(AssignmentQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return TypedResults.Ok(await queries.CaseworkersAsync(cancellationToken));
    }

    /// <summary>
    /// The worklist, a page at a time (<see cref="PermitApi.Paging"/>), in the view <c>view</c> names: <c>all</c> (the
    /// default), <c>mine</c> (assigned to the caller) or <c>unassigned</c>.
    /// </summary>
    public static async Task<IResult> WorklistAsync(HttpRequest request, ClaimsPrincipal user, ApplicationQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(queries);
        (int? pageSize, string? continuation, IResult? problem) = PermitApi.Paging(request);
        if (problem is not null)
        {
            return problem;
        }

        if (View(request.Query["view"]) is not WorklistView view)
        {
            return Problems.BadRequest("view must be one of mine, unassigned or all.");
        }

        string? subject = null;
        if (view == WorklistView.Mine)
        {
            if (Actor.PersonOf(user, AccessPolicies.CaseworkersAndManagers) is not { } actor)
            {
                return Problems.Forbidden(Unidentified);
            }

            subject = actor.Subject;
        }

        return TypedResults.Ok(await queries.WorklistAsync(view, subject, pageSize, continuation, cancellationToken));
    }

    static WorklistView? View(StringValues values) => values.Count switch
    {
        0 => WorklistView.All,
        1 => values[0] switch
        {
            "all" => WorklistView.All,
            "mine" => WorklistView.Mine,
            "unassigned" => WorklistView.Unassigned,
            _ => null,
        },
        _ => null,
    };
}
