using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Application.Access;
using Workflow.Application.Http;

namespace Workflow.Functions.Http;

/// <summary>
/// Access control and rate limits for the HTTP functions. HTTP triggers do not run the ASP.NET Core authorization or
/// rate-limiting middleware, so each function calls <see cref="RunAsync(HttpRequest, FunctionContext, string, Func{ClaimsPrincipal, Task{IResult}})"/>
/// with the endpoint's policy of <see cref="AccessPolicies"/> before its handler, in the local host's order: the caller
/// is read from App Service authentication (<see cref="EasyAuthPrincipal"/>), its budget of
/// <see cref="CallerRateLimits"/> is checked (429 problem with Retry-After when used up), then 401 problem with
/// <c>WWW-Authenticate: Bearer</c> without a caller, 403 for a change another site's page sent with the session cookie
/// (<see cref="CrossSiteRequests"/>), the policy is evaluated by the same
/// <see cref="IAuthorizationService"/> and named policies as the local host (403 problem for another role), and the
/// handler gets the principal for its employer ownership check. The anonymous functions call
/// <see cref="RunAnonymousAsync"/>: the budget of their remote address only.
/// </summary>
public static partial class FunctionAccess
{
    public static Task<IResult> RunAsync(HttpRequest request, FunctionContext context, string policy, Func<ClaimsPrincipal, Task<IResult>> handler) =>
        RunAsync(request, context, policy, CallerRateLimits.Requests, handler);

    /// <param name="rateLimit">The budget the call takes from: <see cref="CallerRateLimits.Requests"/>, or <see cref="CallerRateLimits.Submissions"/> for submissions and uploads.</param>
    public static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context, string policy, string rateLimit, Func<ClaimsPrincipal, Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        IServiceProvider services = context.InstanceServices;
        bool trusted = PlatformAuthenticationEnabled(services.GetRequiredService<IConfiguration>());

        // Without App Service authentication in front the header is anybody's: no caller, so the remote address's budget.
        ClaimsPrincipal? user = trusted ? EasyAuthPrincipal.Read(request.Headers[EasyAuthPrincipal.Header]) : null;
        if (user is not null)
        {
            request.HttpContext.User = user;
        }

        if (services.GetRequiredService<CallerRateLimiter>().Check(request.HttpContext, rateLimit) is IResult throttled)
        {
            return throttled;
        }

        if (!trusted)
        {
            LogAuthenticationOff(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FunctionAccess)), EasyAuthPrincipal.EnabledSetting);
            return Problems.BearerChallenge(AccessProblems.NoValidIdentity);
        }

        if (user is null)
        {
            return Problems.BearerChallenge(AccessProblems.NoValidIdentity);
        }

        if (CrossSiteRequests.Refuses(request))
        {
            return Problems.Forbidden(CrossSiteRequests.Refusal);
        }

        AuthorizationResult allowed = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy);
        return allowed.Succeeded ? await handler(user) : Problems.Forbidden(AccessProblems.RoleNotAllowed);
    }

    /// <summary>An anonymous function (decision grounds, the signed federal webhook): the remote address's budget, then the handler.</summary>
    public static async Task<IResult> RunAnonymousAsync(HttpRequest request, FunctionContext context, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        return context.InstanceServices.GetRequiredService<CallerRateLimiter>().Check(request.HttpContext, CallerRateLimits.Requests) ?? await handler();
    }

    /// <summary>Whether App Service authentication runs in front of this app, so its principal header can be trusted.</summary>
    public static bool PlatformAuthenticationEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return bool.TryParse(configuration[EasyAuthPrincipal.EnabledSetting], out bool enabled) && enabled;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "App Service authentication is not enabled ({Setting} is not true): protected API calls are refused")]
    static partial void LogAuthenticationOff(ILogger logger, string setting);
}
