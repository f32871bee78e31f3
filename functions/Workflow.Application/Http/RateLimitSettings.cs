namespace Workflow.Application.Http;

/// <summary>
/// Section "RateLimits": the per-caller budgets of <see cref="CallerRateLimits"/>, the same in both hosts. The defaults
/// are far above what a busy caseworker or a federal office batch sends (600 requests a minute, 60 submissions and
/// document uploads a minute, per caller); they stop a runaway script or a flood, not work.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Every call to the API.</summary>
    public CallerBudget Requests { get; set; } = new() { TokenLimit = 600, TokensPerPeriod = 100, ReplenishmentPeriod = TimeSpan.FromSeconds(10) };

    /// <summary>Submissions and document uploads: large bodies that start or feed a workflow.</summary>
    public CallerBudget Submissions { get; set; } = new() { TokenLimit = 60, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(10) };
}
