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
/// Access control for the HTTP functions. HTTP triggers do not run the ASP.NET Core authorization middleware, so each
/// function calls <see cref="RunAsync"/> with the endpoint's policy of <see cref="AccessPolicies"/> before its handler:
/// the caller is read from App Service authentication (<see cref="EasyAuthPrincipal"/>; 401 problem without one),
/// the policy is evaluated by the same <see cref="IAuthorizationService"/> and named policies as the local host
/// (403 problem for another role), and the handler gets the principal for its employer ownership check.
/// </summary>
public static partial class FunctionAccess
{
    public static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context, string policy, Func<ClaimsPrincipal, Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        IServiceProvider services = context.InstanceServices;
        if (!PlatformAuthenticationEnabled(services.GetRequiredService<IConfiguration>()))
        {
            LogAuthenticationOff(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FunctionAccess)), EasyAuthPrincipal.EnabledSetting);
            return Problems.Unauthorized(AccessProblems.NoValidIdentity);
        }

        if (EasyAuthPrincipal.Read(request.Headers[EasyAuthPrincipal.Header]) is not { } user)
        {
            return Problems.Unauthorized(AccessProblems.NoValidIdentity);
        }

        request.HttpContext.User = user;
        AuthorizationResult allowed = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy);
        return allowed.Succeeded ? await handler(user) : Problems.Forbidden(AccessProblems.RoleNotAllowed);
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
