using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Workflow.Adapters;

/// <summary>
/// Creates every table, container and queue the adapters use (idempotent), so a fresh account or Azurite, or a
/// test run with its own name prefix, works from the first request. The host calls it once at startup.
/// </summary>
public sealed class StorageProvisioner(StorageNames names, TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        work.AddRange(names.Tables.Select(name => tables.CreateTableIfNotExistsAsync(name, cancellationToken)));
        work.AddRange(names.Containers.Select(name => blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(names.Queues.Select(name => queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(work);
    }

    /// <summary>Deletes every resource of this prefix: for tests that clean up after their run.</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        work.AddRange(names.Tables.Select(name => tables.DeleteTableAsync(name, cancellationToken)));
        work.AddRange(names.Containers.Select(name => blobs.GetBlobContainerClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(names.Queues.Select(name => queues.GetQueueClient(name).DeleteIfExistsAsync(cancellationToken)));
        await Task.WhenAll(work);
    }
}
