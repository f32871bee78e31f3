namespace Workflow.LocalHost.Bench;

/// <summary>
/// A phase's storage requests per application, by service, with idle polling and without it, and their cost per
/// 1,000 applications. "Without idle polling" takes off, per queue, table or container and operation, what the host
/// asked of it per second while idle (<see cref="IdlePolling"/>) times the phase's duration: an estimate, since pollers
/// back off less while busy.
/// </summary>
public sealed record StorageFigures(
    double QueuePerApplication,
    double TablePerApplication,
    double BlobPerApplication,
    double TotalPerApplication,
    double QueuePerApplicationWithoutIdle,
    double TablePerApplicationWithoutIdle,
    double BlobPerApplicationWithoutIdle,
    double TotalPerApplicationWithoutIdle,
    decimal CostPer1000Applications,
    decimal CostPer1000ApplicationsWithoutIdle,
    IReadOnlyList<StorageLine> Requests)
{
    public static StorageFigures Of(
        IReadOnlyDictionary<StorageRequest, long> counted, IReadOnlyDictionary<StorageRequest, double> idlePerSecond, double seconds, int applications, StoragePrices prices)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(idlePerSecond);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(applications);
        Dictionary<StorageRequest, double> all = counted.ToDictionary(pair => pair.Key, pair => (double)pair.Value);
        Dictionary<StorageRequest, double> withoutIdle = all.ToDictionary(
            pair => pair.Key,
            pair => Math.Max(0, pair.Value - (idlePerSecond.GetValueOrDefault(pair.Key) * seconds)));

        double PerApplication(Dictionary<StorageRequest, double> requests, StorageService? service) =>
            Math.Round(requests.Where(r => service is null || r.Key.Service == service).Sum(r => r.Value) / applications, 1);

        decimal CostPer1000(Dictionary<StorageRequest, double> requests) =>
            Math.Round(requests.Sum(r => (decimal)r.Value * prices.PricePer10000(r.Key) / 10_000m) / applications * 1000m, 4);

        return new StorageFigures(
            PerApplication(all, StorageService.Queue),
            PerApplication(all, StorageService.Table),
            PerApplication(all, StorageService.Blob),
            PerApplication(all, null),
            PerApplication(withoutIdle, StorageService.Queue),
            PerApplication(withoutIdle, StorageService.Table),
            PerApplication(withoutIdle, StorageService.Blob),
            PerApplication(withoutIdle, null),
            CostPer1000(all),
            CostPer1000(withoutIdle),
            [.. counted
                .OrderBy(pair => pair.Key.Service)
                .ThenBy(pair => pair.Key.Resource, StringComparer.Ordinal)
                .ThenBy(pair => pair.Key.Operation, StringComparer.Ordinal)
                .Select(pair => new StorageLine(pair.Key.Service.ToString().ToLowerInvariant(), pair.Key.Resource, pair.Key.Operation, pair.Value))]);
    }
}
