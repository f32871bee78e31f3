namespace Workflow.LocalHost.Bench;

/// <summary>Everything one bench run measured, as written to bench-results.json.</summary>
public sealed record BenchResults(
    DateTimeOffset StartedAt,
    string Machine,
    string Storage,
    int Applications,
    int InFlight,
    TimeSpan PolicyDay,
    string TaskHub,
    StoragePrices PricesPer10000Requests,
    IdlePolling IdlePolling,
    PhaseResult Bare,
    PhaseResult Full,
    double ProcessPeakWorkingSetMiB,
    double ThroughputRatio);
