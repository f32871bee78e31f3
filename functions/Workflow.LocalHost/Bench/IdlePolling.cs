using System.Text.Json.Serialization;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// What the host asks of storage while nothing happens, measured over a window before the phases: requests per second
/// in all, per queue (the target: at most 1 per second per queue), and per resource and operation; and what
/// that costs a day at <see cref="StoragePrices"/>.
/// </summary>
public sealed record IdlePolling(
    double Seconds,
    double RequestsPerSecond,
    IReadOnlyDictionary<string, double> QueueRequestsPerSecond,
    decimal CostPerDay,
    IReadOnlyList<StorageLine> Requests,
    [property: JsonIgnore] IReadOnlyDictionary<StorageRequest, double> PerSecondByRequest)
{
    public static IdlePolling Of(IReadOnlyDictionary<StorageRequest, long> counted, double seconds, StoragePrices prices)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        Dictionary<StorageRequest, double> perSecond = PerSecond(counted, seconds);
        return new IdlePolling(
            Math.Round(seconds, 1),
            Math.Round(perSecond.Values.Sum(), 2),
            perSecond.Where(p => p.Key.Service == StorageService.Queue)
                .GroupBy(p => p.Key.Resource, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Math.Round(g.Sum(p => p.Value), 2), StringComparer.Ordinal),
            Math.Round(perSecond.Sum(p => (decimal)p.Value * prices.PricePer10000(p.Key) / 10_000m) * 86_400m, 2),
            [.. perSecond
                .OrderBy(p => p.Key.Service)
                .ThenBy(p => p.Key.Resource, StringComparer.Ordinal)
                .ThenBy(p => p.Key.Operation, StringComparer.Ordinal)
                .Select(p => new StorageLine(p.Key.Service.ToString().ToLowerInvariant(), p.Key.Resource, p.Key.Operation, Math.Round(p.Value, 3)))],
            perSecond);
    }

    public static Dictionary<StorageRequest, double> PerSecond(IReadOnlyDictionary<StorageRequest, long> counted, double seconds)
    {
        ArgumentNullException.ThrowIfNull(counted);
        return counted.ToDictionary(pair => pair.Key, pair => pair.Value / seconds);
    }
}
