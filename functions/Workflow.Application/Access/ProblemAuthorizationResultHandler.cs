using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Workflow.Application.Http;

namespace Workflow.Application.Access;

/// <summary>
/// Makes the authorization middleware's refusals RFC 9457 problems like every other error of the API: the
/// authentication scheme still challenges (401 with its <c>WWW-Authenticate</c> header) or forbids (403), then the body
/// is written as <c>application/problem+json</c>, whatever the client's Accept header says.
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        await this.standard.HandleAsync(next, context, policy, authorizeResult);
        if (context.Response.HasStarted)
        {
            return;
        }

        if (authorizeResult.Challenged)
        {
            await Problems.Unauthorized(AccessProblems.NoValidIdentity).ExecuteAsync(context);
        }
        else if (authorizeResult.Forbidden)
        {
            await Problems.Forbidden(AccessProblems.RoleNotAllowed).ExecuteAsync(context);
        }
    }
}

/// <summary>The details of the access problems, the same in both hosts; they name no role, claim or token content.</summary>
public static class AccessProblems
{
    public const string NoValidIdentity = "This endpoint needs a valid bearer token (Authorization: Bearer <token>).";

    public const string RoleNotAllowed = "This endpoint is not available to your role.";

    public const string ForeignApplicant = "An employer submits only for its own applicant key (the applicant claim of its token).";
}
