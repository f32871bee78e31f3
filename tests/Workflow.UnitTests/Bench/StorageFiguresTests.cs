using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>Requests per application and their cost, with and without idle polling, at given prices.</summary>
public sealed class StorageFiguresTests
{
    static readonly StoragePrices Prices = new(QueueWrite: 0.04m, QueueRead: 0.004m, Table: 0.0004m, BlobWrite: 0.06m, BlobRead: 0.005m);

    static readonly StorageRequest Dequeue = new(StorageService.Queue, "hub-control-00", "dequeue", true);
    static readonly StorageRequest Peek = new(StorageService.Queue, "hub-workitems", "peek", false);
    static readonly StorageRequest Query = new(StorageService.Table, "hubInstances", "query", false);
    static readonly StorageRequest Write = new(StorageService.Blob, "dossiers", "PUT", true);
    static readonly StorageRequest Read = new(StorageService.Blob, "dossiers", "GET", false);
    static readonly StorageRequest Delete = new(StorageService.Blob, "dossiers", "DELETE", false);

    [Fact]
    public void Requests_per_application_by_service_and_their_cost_per_thousand_applications()
    {
        var counted = new Dictionary<StorageRequest, long> { [Dequeue] = 1000, [Peek] = 500, [Query] = 2000, [Write] = 100, [Read] = 300, [Delete] = 50 };

        StorageFigures figures = StorageFigures.Of(counted, new Dictionary<StorageRequest, double>(), seconds: 10, applications: 10, Prices);

        Assert.Equal((150.0, 200.0, 45.0, 395.0), (figures.QueuePerApplication, figures.TablePerApplication, figures.BlobPerApplication, figures.TotalPerApplication));

        // 1000 × 0.04 + 500 × 0.004 + 2000 × 0.0004 + 100 × 0.06 + 300 × 0.005 + 50 × 0 = 40 + 2 + 0.8 + 6 + 1.5 = 50.3 per 10,000,
        // so 0.00503 USD for 10 applications, 0.503 per 1,000.
        Assert.Equal(0.503m, figures.CostPer1000Applications);
        Assert.Equal(figures.CostPer1000Applications, figures.CostPer1000ApplicationsWithoutIdle);
        Assert.Equal(6, figures.Requests.Count);
    }

    [Fact]
    public void Idle_polling_is_taken_off_per_resource_for_the_phase_duration_and_never_below_zero()
    {
        var counted = new Dictionary<StorageRequest, long> { [Dequeue] = 100, [Peek] = 10, [Query] = 40 };
        var idle = new Dictionary<StorageRequest, double> { [Dequeue] = 2, [Peek] = 5 };

        StorageFigures figures = StorageFigures.Of(counted, idle, seconds: 20, applications: 4, Prices);

        // Dequeues: 100 − 2 × 20 = 60; peeks: 10 − 5 × 20 < 0, so 0; queries untouched.
        Assert.Equal((27.5, 15.0, 25.0), (figures.QueuePerApplication, figures.QueuePerApplicationWithoutIdle, figures.TotalPerApplicationWithoutIdle));

        // (60 × 0.04 + 40 × 0.0004) / 10,000 = 0.0002416 USD for 4 applications: 0.0604 per 1,000.
        Assert.Equal(0.0604m, figures.CostPer1000ApplicationsWithoutIdle);
    }

    [Fact]
    public void Idle_polling_per_queue_and_its_cost_a_day()
    {
        var counted = new Dictionary<StorageRequest, long>
        {
            [Dequeue] = 10,
            [Dequeue with { Resource = "hub-control-01" }] = 10,
            [Peek] = 5,
            [new StorageRequest(StorageService.Queue, "hub-workitems", "dequeue", true)] = 5,
            [Query] = 2,
        };

        IdlePolling idle = IdlePolling.Of(counted, seconds: 10, Prices);

        Assert.Equal(3.2, idle.RequestsPerSecond);
        Assert.Equal(
            new Dictionary<string, double> { ["hub-control-00"] = 1, ["hub-control-01"] = 1, ["hub-workitems"] = 1 },
            idle.QueueRequestsPerSecond);

        // Per second: 2.5 queue writes, 0.5 queue reads, 0.2 table; × 86,400 s / 10,000 × price.
        Assert.Equal(Math.Round(((2.5m * 0.04m) + (0.5m * 0.004m) + (0.2m * 0.0004m)) * 8.64m, 2), idle.CostPerDay);
    }

    [Fact]
    public void Blob_deletes_are_free_and_queue_reads_are_class_two()
    {
        Assert.Equal(0m, Prices.PricePer10000(Delete));
        Assert.Equal(0.004m, Prices.PricePer10000(Peek));
        Assert.Equal(0.04m, Prices.PricePer10000(Dequeue));
        Assert.Equal(0.0004m, Prices.PricePer10000(Query with { BilledAsWrite = true }));
    }
}
