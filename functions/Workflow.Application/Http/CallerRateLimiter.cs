using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Workflow.Application.Http;

/// <summary>
/// The limits of <see cref="CallerRateLimits"/> for a host whose endpoints run no rate-limiting middleware (the
/// Functions app's HTTP triggers): the same partitions and buckets, checked by the caller before the handler runs.
/// </summary>
public sealed class CallerRateLimiter : IDisposable
{
    readonly PartitionedRateLimiter<HttpContext> requests;
    readonly PartitionedRateLimiter<HttpContext> submissions;

    public CallerRateLimiter(IOptions<RateLimitSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RateLimitSettings limits = settings.Value;
        this.requests = PartitionedRateLimiter.Create<HttpContext, string>(context => CallerRateLimits.Partition(context, limits.Requests));
        this.submissions = PartitionedRateLimiter.Create<HttpContext, string>(context => CallerRateLimits.Partition(context, limits.Submissions));
    }

    /// <summary>
    /// Takes one request from the caller's bucket of <paramref name="policy"/> (<see cref="CallerRateLimits.Requests"/>
    /// or <see cref="CallerRateLimits.Submissions"/>): null when the call may go on, else the 429 problem to answer.
    /// Call it once the caller is known (<see cref="HttpContext.User"/> set, or left anonymous).
    /// </summary>
    public IResult? Check(HttpContext context, string policy)
    {
        PartitionedRateLimiter<HttpContext> limiter = policy switch
        {
            CallerRateLimits.Requests => this.requests,
            CallerRateLimits.Submissions => this.submissions,
            _ => throw new ArgumentException($"No rate limit policy '{policy}'.", nameof(policy)),
        };
        using RateLimitLease lease = limiter.AttemptAcquire(context);
        return lease.IsAcquired ? null : Problems.TooManyRequests(CallerRateLimits.RetryAfter(lease));
    }

    public void Dispose()
    {
        this.requests.Dispose();
        this.submissions.Dispose();
    }
}
