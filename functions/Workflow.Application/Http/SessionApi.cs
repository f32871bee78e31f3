using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Application.Access;

namespace Workflow.Application.Http;

/// <summary>Who the caller is, as the pages need it: which roles to offer and, for an employer, which applicant it acts for.</summary>
/// <param name="Subject">The caller's id (the token's subject).</param>
/// <param name="Name">The display name, when the token has one.</param>
/// <param name="Roles">The caller's roles the API knows, in the order of <see cref="Access.Roles.All"/>.</param>
/// <param name="Applicants">For an employer: the applicant keys it may act for (KBO number, or self:reference).</param>
public sealed record CallerView(string Subject, string? Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Applicants)
{
    public static CallerView Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Actor actor = Actor.Of(user, AccessPolicies.AnyRole);
        return new CallerView(
            actor.Subject,
            actor.Name,
            [.. Access.Roles.All.Where(user.IsInRole)],
            [.. user.FindAll(PermitClaims.Applicant).Select(c => c.Value).Distinct(StringComparer.Ordinal)]);
    }
}

/// <summary>The session endpoint the pages start from.</summary>
public static class SessionApi
{
    public static void MapSessionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me", GetMe)
            .WithTags("Session")
            .WithName("GetMe")
            .RequireAuthorization(AccessPolicies.AnyRole)
            .WithSummary("Who the caller is: subject, display name, roles and (for an employer) the applicants it acts for. The pages start here.")
            .Produces<CallerView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static Ok<CallerView> GetMe(ClaimsPrincipal user) => TypedResults.Ok(CallerView.Of(user));
}
