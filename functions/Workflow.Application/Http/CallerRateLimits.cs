using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Application.Access;

namespace Workflow.Application.Http;

/// <summary>
/// Per-caller rate limits of the API, one definition for both hosts. Every caller has a token bucket per budget of
/// <see cref="RateLimitSettings"/>: <see cref="Requests"/> for every call, the tighter <see cref="Submissions"/> for
/// submissions and document uploads. The caller is the token's subject (<see cref="PermitClaims.Subject"/>) when it is
/// authenticated, else the remote address: the anonymous endpoints (decision grounds, the signed federal webhook) and
/// refused tokens. A call over budget gets a 429 problem with <c>Retry-After</c>. The local host applies the limits with
/// the rate-limiting middleware (these policy names on the API's endpoints); the Functions app, whose triggers run no
/// such middleware, with <see cref="CallerRateLimiter"/> before each handler. Health and OpenAPI are not limited.
/// </summary>
public static class CallerRateLimits
{
    /// <summary>The policy of every API endpoint.</summary>
    public const string Requests = "caller-requests";

    /// <summary>The policy of submissions and document uploads, instead of <see cref="Requests"/>.</summary>
    public const string Submissions = "caller-submissions";

    /// <summary>Used when a refusal names no wait of its own (a token bucket always does).</summary>
    static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>The settings, checked at start, and the middleware's policies; the Functions app's limiter.</summary>
    public static IServiceCollection AddCallerRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>()
            .BindConfiguration(RateLimitSettings.Section)
            .Validate(s => s.Requests.IsValid && s.Submissions.IsValid, $"{RateLimitSettings.Section}: every budget needs a TokenLimit, TokensPerPeriod and ReplenishmentPeriod above zero.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Requests, context => Partition(context, Settings(context).Requests));
            limiter.AddPolicy(Submissions, context => Partition(context, Settings(context).Submissions));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => new ValueTask(Problems.TooManyRequests(RetryAfter(rejected.Lease)).ExecuteAsync(rejected.HttpContext));
        });
        services.AddSingleton<CallerRateLimiter>();
        return services;
    }

    /// <summary>The caller's bucket of <paramref name="budget"/>.</summary>
    public static RateLimitPartition<string> Partition(HttpContext context, CallerBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return RateLimitPartition.GetTokenBucketLimiter(CallerKey(context), _ => budget.BucketOptions());
    }

    /// <summary>
    /// Who is calling: "sub:" and the subject of an authenticated caller, else "ip:" and the remote address (an IPv6
    /// address by its /64 network, which one client is commonly given whole). Never logged.
    /// </summary>
    public static string CallerKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ClaimsPrincipal user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirst(PermitClaims.Subject)?.Value is { Length: > 0 } subject)
        {
            return "sub:" + subject;
        }

        return "ip:" + Network(context.Connection.RemoteIpAddress);
    }

    /// <summary>How long a refused caller should wait, rounded up to whole seconds by the response.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) ? retryAfter : DefaultRetryAfter;
    }

    static RateLimitSettings Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;

    static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        byte[] bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
