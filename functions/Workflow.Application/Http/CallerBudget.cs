using System.Threading.RateLimiting;

namespace Workflow.Application.Http;

/// <summary>
/// One caller's token bucket: it holds at most <see cref="TokenLimit"/> requests and gets <see cref="TokensPerPeriod"/>
/// back every <see cref="ReplenishmentPeriod"/>; a request takes one, and a caller with none left is refused until
/// the next refill. No queueing: a refused request is answered at once.
/// </summary>
public sealed class CallerBudget
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; }

    public bool IsValid => this.TokenLimit > 0 && this.TokensPerPeriod > 0 && this.ReplenishmentPeriod > TimeSpan.Zero;

    public TokenBucketRateLimiterOptions BucketOptions() => new()
    {
        TokenLimit = this.TokenLimit,
        TokensPerPeriod = this.TokensPerPeriod,
        ReplenishmentPeriod = this.ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = true, // the partitioned limiter refills every caller's bucket from one timer of its own
    };

    public override string ToString() => $"{this.TokenLimit} requests, {this.TokensPerPeriod} more every {this.ReplenishmentPeriod}";
}
