using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Excluded directors' person numbers with the dossiers (container <c>dossiers</c>, the one store of personal data), at
/// <c>exclusions/{exclusionId}.json</c>, beside the applications' folders. Written once: the first record of an
/// exclusion stays.
/// </summary>
public sealed class BlobExcludedPersons(BlobServiceClient blobs, StorageNames names) : IExcludedPersons
{
    readonly BlobContainerClient container = blobs.GetBlobContainerClient(names.DossiersContainer);

    public async Task SaveAsync(ExcludedPerson person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await this.container.GetBlobClient(Path(person.ExclusionId))
                .UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(person, WorkflowJson.Options)), options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Kept before.
        }
    }

    public async Task<ExcludedPerson?> GetAsync(string exclusionId, CancellationToken cancellationToken)
    {
        try
        {
            BlobDownloadResult content = (await this.container.GetBlobClient(Path(exclusionId)).DownloadContentAsync(cancellationToken)).Value;
            return JsonSerializer.Deserialize<ExcludedPerson>(content.Content.ToMemory().Span, WorkflowJson.Options);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>The blob of an exclusion; only client ids (no separators) name one.</summary>
    static string Path(string exclusionId) =>
        ExclusionCommands.IsWellFormedId(exclusionId) ? $"exclusions/{exclusionId}.json" : throw new ArgumentException("Not an exclusion id.", nameof(exclusionId));
}
