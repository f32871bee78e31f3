namespace Workflow.LocalHost.Bench;

/// <summary>
/// Azure Storage transaction prices in US dollars per 10,000 requests, and what a count of requests costs at them.
/// </summary>
/// <remarks>
/// Source: the Azure pricing pages "Azure Queue Storage pricing", "Azure Table Storage pricing" and "Azure Blob Storage
/// pricing", pay-as-you-go, region East US, Standard general-purpose v2, LRS, Hot tier, as the author knew them in
/// 2025; not re-checked when this was written (2026-11-30, on a machine without access to those pages): check them
/// before quoting a cost.
/// Queue class 1 operations are writes (put, update, delete, and a dequeue, which hides what it returns); class 2
/// are reads (peek, metadata). Tables bill every transaction alike. Blob deletes are free.
/// </remarks>
public sealed record StoragePrices(decimal QueueWrite, decimal QueueRead, decimal Table, decimal BlobWrite, decimal BlobRead)
{
    /// <summary>Standard GPv2 LRS Hot, East US, pay-as-you-go, per 10,000 requests (see the remarks for the source).</summary>
    public static StoragePrices StandardV2LrsHot { get; } = new(
        QueueWrite: 0.04m,   // Queue Storage, class 1 operations
        QueueRead: 0.004m,   // Queue Storage, class 2 operations
        Table: 0.00036m,     // Table Storage, transactions
        BlobWrite: 0.065m,   // Blob Storage Hot, write operations
        BlobRead: 0.005m);   // Blob Storage Hot, read operations

    /// <summary>The price of 10,000 requests like this one, in US dollars.</summary>
    public decimal PricePer10000(StorageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Service switch
        {
            StorageService.Queue => request.BilledAsWrite ? this.QueueWrite : this.QueueRead,
            StorageService.Table => this.Table,
            _ => request.Operation == "DELETE" ? 0 : request.BilledAsWrite ? this.BlobWrite : this.BlobRead,
        };
    }
}
