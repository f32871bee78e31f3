using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.Application.Http;
using Workflow.Application.Ports;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.Api;

/// <summary>
/// A small document's content (one block within what the request lets it hold) goes to Blob storage in one write at
/// its dossier path, never through the staging folder; on the same terms as a staged one (the first save wins, the
/// record as metadata, nothing left when the request is refused), and a content that turns out longer than one block
/// is staged whole, in order.
/// </summary>
public sealed class SmallDocumentUploadTests
{
    const string Application = "wp-small-documents";

    [Fact]
    public async Task A_small_content_is_saved_without_staging_and_the_first_save_wins()
    {
        await using Storage storage = await Storage.CreateAsync();
        byte[] content = "%PDF-1.7\na one-page statement\n"u8.ToArray();
        StoredDocument record = Record(content, DateTimeOffset.UtcNow);

        await using (IStagedDocumentUpload upload = storage.Staging.BeginUpload(DocumentUploads.HoldBytes))
        {
            await upload.AppendAsync(content, CancellationToken.None);
            Assert.Empty(await storage.StagedAsync());
            await upload.SaveToDossierAsync(Application, record, CancellationToken.None);
        }

        // The same content again, received later: the first receipt stands.
        await using (IStagedDocumentUpload again = storage.Staging.BeginUpload(DocumentUploads.HoldBytes))
        {
            await again.AppendAsync(content, CancellationToken.None);
            await again.SaveToDossierAsync(Application, record with { ReceivedAt = record.ReceivedAt.AddHours(1) }, CancellationToken.None);
        }

        // Held and never saved, as when the request is refused: nothing anywhere.
        await using (IStagedDocumentUpload refused = storage.Staging.BeginUpload(DocumentUploads.HoldBytes))
        {
            await refused.AppendAsync("%PDF-1.7\nrefused\n"u8.ToArray(), CancellationToken.None);
        }

        Assert.Equal([record], await storage.Dossiers.ListDocumentsAsync(Application, CancellationToken.None));
        Assert.Equal(content, await storage.ContentAsync(record));
        Assert.Empty(await storage.StagedAsync());
    }

    [Fact]
    public async Task A_content_of_more_than_one_block_or_larger_than_allowed_is_staged_whole_and_in_order()
    {
        await using Storage storage = await Storage.CreateAsync();
        byte[] first = "%PDF-1.7\nfirst block "u8.ToArray();
        byte[] second = "second block\n"u8.ToArray();
        byte[] both = [.. first, .. second];
        StoredDocument twoBlocks = Record(both, DateTimeOffset.UtcNow);
        byte[] large = [.. "%PDF-1.7\n"u8, .. new byte[64]];
        StoredDocument tooLarge = Record(large, DateTimeOffset.UtcNow) with { Type = "diploma" };

        await using (IStagedDocumentUpload upload = storage.Staging.BeginUpload(holdBytes: 64))
        {
            await upload.AppendAsync(first, CancellationToken.None);
            Assert.Empty(await storage.StagedAsync());
            await upload.AppendAsync(second, CancellationToken.None);
            Assert.Single(await storage.StagedAsync());
            await upload.SaveToDossierAsync(Application, twoBlocks, CancellationToken.None);
        }

        await using (IStagedDocumentUpload upload = storage.Staging.BeginUpload(holdBytes: 64))
        {
            await upload.AppendAsync(large, CancellationToken.None);
            Assert.Single(await storage.StagedAsync());
            await upload.SaveToDossierAsync(Application, tooLarge, CancellationToken.None);
        }

        Assert.Equal(both, await storage.ContentAsync(twoBlocks));
        Assert.Equal(large, await storage.ContentAsync(tooLarge));
        Assert.Empty(await storage.StagedAsync());
    }

    static StoredDocument Record(byte[] content, DateTimeOffset receivedAt) =>
        new("worker-information-statement", "statement.pdf", "application/pdf", content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), receivedAt);

    /// <summary>A dossiers container of its own on the shared Azurite, removed after the test.</summary>
    sealed class Storage(BlobServiceClient blobs, StorageNames names, BlobContainerClient container) : IAsyncDisposable
    {
        public BlobDocumentStaging Staging { get; } = new(blobs, names);

        public BlobDossierStore Dossiers { get; } = new(blobs, names);

        public static async Task<Storage> CreateAsync()
        {
            var blobs = new BlobServiceClient((await TestAzurite.GetAsync()).ConnectionString);
            var names = new StorageNames("t" + Guid.NewGuid().ToString("N")[..10]);
            BlobContainerClient container = blobs.GetBlobContainerClient(names.DossiersContainer);
            await container.CreateAsync();
            return new Storage(blobs, names, container);
        }

        /// <summary>Everything in the staging folder, committed or not.</summary>
        public async Task<List<string>> StagedAsync()
        {
            var staged = new List<string>();
            var options = new GetBlobsOptions { Prefix = BlobDocumentStaging.Folder + "/", States = BlobStates.Uncommitted };
            await foreach (BlobItem item in container.GetBlobsAsync(options))
            {
                staged.Add(item.Name);
            }

            return staged;
        }

        public async Task<byte[]> ContentAsync(StoredDocument document)
        {
            await using DossierDocument opened = await this.Dossiers.OpenDocumentAsync(Application, document.Type, document.Sha256, CancellationToken.None)
                ?? throw new InvalidOperationException($"No {document.Type} in the dossier.");
            using var copy = new MemoryStream();
            await opened.Content.CopyToAsync(copy);
            return copy.ToArray();
        }

        public async ValueTask DisposeAsync() => await container.DeleteIfExistsAsync();
    }
}
