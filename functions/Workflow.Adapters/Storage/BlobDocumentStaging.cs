using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Application.Ports;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Stages document contents in the dossiers container, under <c>staging/{id}</c> (no application's folder), as
/// uncommitted blocks of a block blob: listed nowhere and part of no dossier. A document that is kept is committed
/// there and copied by the service to its dossier path; the staging blob is deleted when its request is answered.
/// Blocks never committed are also dropped by the service (Azure after a week); <see cref="DiscardStaleAsync"/>
/// sweeps what a crashed request left. A small content the caller lets it hold (one block) is not staged: it is held
/// until it is saved with one request, or dropped.
/// </summary>
public sealed class BlobDocumentStaging(BlobServiceClient blobs, StorageNames names) : IDocumentStaging
{
    public const string Folder = "staging";

    readonly BlobContainerClient container = blobs.GetBlobContainerClient(names.DossiersContainer);

    public IStagedDocumentUpload BeginUpload(int holdBytes) => new BlobStagedDocumentUpload(this.container, $"{Folder}/{Guid.NewGuid():N}", holdBytes);

    public async Task<int> DiscardStaleAsync(DateTimeOffset stagedBefore, CancellationToken cancellationToken)
    {
        int discarded = 0;
        var options = new GetBlobsOptions { Prefix = Folder + "/", States = BlobStates.Uncommitted };
        await foreach (BlobItem item in this.container.GetBlobsAsync(options, cancellationToken))
        {
            if (item.Properties.LastModified < stagedBefore
                && (await this.container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellationToken)).Value)
            {
                discarded++;
            }
        }

        return discarded;
    }
}
