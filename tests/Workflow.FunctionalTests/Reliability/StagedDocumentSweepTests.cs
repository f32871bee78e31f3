using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.Application.Ports;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.Reliability;

/// <summary>
/// Document contents staged by a request that died before it was answered (its blocks never committed, or committed
/// for the copy into the dossier but not deleted) are discarded by the retention run's sweep once they are stale;
/// fresh ones, and the documents already in a dossier, stay.
/// </summary>
public sealed class StagedDocumentSweepTests
{
    [Fact]
    public async Task Stale_staged_contents_are_discarded_and_fresh_ones_and_dossier_documents_stay()
    {
        var blobs = new BlobServiceClient((await TestAzurite.GetAsync()).ConnectionString);
        var names = new StorageNames("t" + Guid.NewGuid().ToString("N")[..10]);
        BlobContainerClient container = blobs.GetBlobContainerClient(names.DossiersContainer);
        await container.CreateAsync();
        try
        {
            var staging = new BlobDocumentStaging(blobs, names);
            byte[] content = "%PDF-1.7\nstaged by a request that died\n"u8.ToArray();

            // Neither upload is disposed, as when the host dies mid-request; neither may hold its content instead of
            // staging it (as a small one would be).
            IStagedDocumentUpload uncommitted = staging.BeginUpload(holdBytes: 0);
            await uncommitted.AppendAsync(content, CancellationToken.None);
            IStagedDocumentUpload saved = staging.BeginUpload(holdBytes: 0);
            await saved.AppendAsync(content, CancellationToken.None);
            var record = new StoredDocument("passport", "passport.pdf", "application/pdf", content.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), DateTimeOffset.UtcNow);
            await saved.SaveToDossierAsync("wp-sweep", record, CancellationToken.None);
            Assert.Equal(2, (await StagedAsync(container)).Count);

            Assert.Equal(0, await staging.DiscardStaleAsync(DateTimeOffset.UtcNow - TimeSpan.FromHours(1), CancellationToken.None));
            Assert.Equal(2, (await StagedAsync(container)).Count);

            Assert.Equal(2, await staging.DiscardStaleAsync(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1), CancellationToken.None));
            Assert.Empty(await StagedAsync(container));
            Assert.Equal([record], await new BlobDossierStore(blobs, names).ListDocumentsAsync("wp-sweep", CancellationToken.None));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    static async Task<List<string>> StagedAsync(BlobContainerClient container)
    {
        var names = new List<string>();
        await foreach (BlobItem item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobDocumentStaging.Folder + "/", States = BlobStates.Uncommitted }))
        {
            names.Add(item.Name);
        }

        return names;
    }
}
