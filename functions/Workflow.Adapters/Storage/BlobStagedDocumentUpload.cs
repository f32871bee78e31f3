using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Domain;

namespace Workflow.Adapters.Storage;

/// <summary>
/// One document's content staged as blocks of a staging blob (<see cref="BlobDocumentStaging"/>). Saving commits the
/// blocks and copies the blob, within the storage account, to the document's dossier path with its record as
/// metadata, on the same terms as <see cref="BlobDossierStore.SaveDocumentAsync"/> (the first save wins).
/// </summary>
internal sealed class BlobStagedDocumentUpload(BlobContainerClient container, string name) : IStagedDocumentUpload
{
    readonly BlockBlobClient staging = container.GetBlockBlobClient(name);
    readonly List<string> blocks = [];
    bool committed;

    public async Task AppendAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        // Block ids of one blob must have the same length.
        string id = Convert.ToBase64String(Encoding.ASCII.GetBytes(this.blocks.Count.ToString("D8", CultureInfo.InvariantCulture)));
        using Stream content = BinaryData.FromBytes(block).ToStream();
        await this.staging.StageBlockAsync(id, content, cancellationToken: cancellationToken);
        this.blocks.Add(id);
    }

    public async Task SaveToDossierAsync(string applicationId, StoredDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!this.committed)
        {
            // The copy takes the staging blob's properties, its content type among them.
            await this.staging.CommitBlockListAsync(
                this.blocks,
                new CommitBlockListOptions { HttpHeaders = new BlobHttpHeaders { ContentType = document.ContentType } },
                cancellationToken);
            this.committed = true;
        }

        BlobClient target = container.GetBlobClient(BlobDossierStore.DocumentPath(applicationId, document.Type, document.Sha256));
        try
        {
            CopyFromUriOperation copy = await target.StartCopyFromUriAsync(
                this.staging.Uri,
                new BlobCopyFromUriOptions
                {
                    Metadata = BlobDossierStore.DocumentMetadata(document),

                    // The path is the content's hash: the first save wins, so a repeat keeps the original receipt time.
                    DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);

            // Within one account the service usually copies at once and says so in its answer; only a copy still
            // pending is polled (a request for the blob's properties each time).
            if (!CopiedAtOnce(copy))
            {
                await copy.WaitForCompletionAsync(cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.IsConflict() || e.IsPreconditionFailed())
        {
            // Stored already: the same type and content.
        }
    }

    static bool CopiedAtOnce(CopyFromUriOperation copy) =>
        copy.GetRawResponse().Headers.TryGetValue("x-ms-copy-status", out string? status)
        && string.Equals(status, "success", StringComparison.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        if (this.blocks.Count == 0)
        {
            return;
        }

        try
        {
            // Also drops uncommitted blocks where the service allows (Azurite); Azure drops those itself.
            await this.staging.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // The answer to the request does not depend on this: the retention run discards what is left.
        }
    }
}
