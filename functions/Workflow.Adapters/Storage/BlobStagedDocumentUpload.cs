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
/// A content that arrives as one block of at most <paramref name="holdBytes"/> is held in memory instead and saved
/// with one request, as <see cref="BlobDossierStore.SaveDocumentAsync"/> does: staging, committing, copying and
/// deleting it would take four (most documents of a submission are small, and blob writes are the dearest requests).
/// </summary>
internal sealed class BlobStagedDocumentUpload(BlobContainerClient container, string name, int holdBytes) : IStagedDocumentUpload
{
    readonly BlockBlobClient staging = container.GetBlockBlobClient(name);
    readonly List<string> blocks = [];
    byte[]? held;
    bool committed;

    public async Task AppendAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        if (this.blocks.Count == 0 && this.held is null && block.Length <= holdBytes)
        {
            this.held = block.ToArray(); // the caller reuses its memory
            return;
        }

        if (this.held is not null)
        {
            // More than one block after all: the held one is staged first, in its place.
            await this.StageAsync(this.held, cancellationToken);
            this.held = null;
        }

        await this.StageAsync(block, cancellationToken);
    }

    async Task StageAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
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
        if (this.held is not null)
        {
            await BlobDossierStore.UploadDocumentAsync(container, applicationId, document, this.held, cancellationToken);
            return;
        }

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
        this.held = null;
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
