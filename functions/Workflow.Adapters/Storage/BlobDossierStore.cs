using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The dossier in Blob storage, one folder per application in the container <c>dossiers</c>: <c>application.json</c>,
/// <c>documents/{type}/{sha256}</c> (content, with the document's record as blob metadata), <c>records/{name}</c>
/// (JSON) and <c>letters/{name}</c> (PDF letters, and the text letters written before them, each with its content type). The only store of personal data; nothing here is logged.
/// </summary>
public sealed class BlobDossierStore(BlobServiceClient blobs, StorageNames names) : IDossierStore
{
    /// <summary>The container name in letter references: stable, whatever the prefix of this deployment or test run.</summary>
    public const string ReferenceRoot = "dossiers";

    const string JsonContentType = "application/json";

    readonly BlobContainerClient container = blobs.GetBlobContainerClient(names.DossiersContainer);

    public Task SaveApplicationAsync(ApplicationDossier dossier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return this.UploadJsonAsync(ApplicationPath(dossier.ApplicationId), dossier, cancellationToken);
    }

    public Task<ApplicationDossier?> GetApplicationAsync(string applicationId, CancellationToken cancellationToken) =>
        this.DownloadJsonAsync<ApplicationDossier>(ApplicationPath(applicationId), cancellationToken);

    public Task SaveDocumentAsync(string applicationId, StoredDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        UploadDocumentAsync(this.container, applicationId, document, content, cancellationToken);

    public async Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(string applicationId, CancellationToken cancellationToken)
    {
        string prefix = $"{Segment(applicationId)}/documents/";
        var documents = new List<StoredDocument>();
        await foreach (BlobItem item in this.container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken))
        {
            if (ToDocument(item) is StoredDocument document)
            {
                documents.Add(document);
            }
        }

        return [.. documents.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Type, StringComparer.Ordinal).ThenBy(d => d.Sha256, StringComparer.Ordinal)];
    }

    public async Task<DossierDocument?> OpenDocumentAsync(string applicationId, string type, string sha256, CancellationToken cancellationToken)
    {
        BlobClient blob = this.container.GetBlobClient(DocumentPath(applicationId, type, sha256));
        BlobDownloadStreamingResult download;
        try
        {
            // One request: the record comes with the content's headers, and the content streams as it is read.
            download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return null;
        }

        if (ToDocument(download.Details.Metadata, download.Details.ContentType) is not StoredDocument document)
        {
            download.Dispose();
            return null;
        }

        return new DossierDocument(document, download.Content);
    }

    public Task SaveRecordAsync<T>(string applicationId, string name, T record, CancellationToken cancellationToken) =>
        this.UploadJsonAsync(RecordPath(applicationId, name), record, cancellationToken);

    public Task<T?> GetRecordAsync<T>(string applicationId, string name, CancellationToken cancellationToken) =>
        this.DownloadJsonAsync<T>(RecordPath(applicationId, name), cancellationToken);

    public async Task<string> SaveLetterAsync(string applicationId, string letterName, LetterFile letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        string path = LetterPath(applicationId, letterName);
        await this.container.GetBlobClient(path).UploadAsync(
            BinaryData.FromBytes(letter.Content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = letter.ContentType } },
            cancellationToken);
        return $"{ReferenceRoot}/{path}";
    }

    public async Task<int> DeleteAsync(string applicationId, CancellationToken cancellationToken)
    {
        int deleted = 0;
        await foreach (BlobItem item in this.container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{Segment(applicationId)}/" }, cancellationToken))
        {
            if ((await this.container.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value)
            {
                deleted++;
            }
        }

        return deleted;
    }

    public async Task<LetterFile?> GetLetterAsync(string applicationId, string letterName, CancellationToken cancellationToken)
    {
        try
        {
            BlobDownloadResult download = (await this.container.GetBlobClient(LetterPath(applicationId, letterName)).DownloadContentAsync(cancellationToken)).Value;

            // The letters written before the PDFs were text, stored with their content type; one without any is text too.
            string contentType = string.IsNullOrEmpty(download.Details.ContentType) ? LetterFile.TextContentType : download.Details.ContentType;
            return new LetterFile(download.Content.ToMemory(), contentType);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    async Task UploadJsonAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        await this.container.GetBlobClient(path).UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, WorkflowJson.Options)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = JsonContentType } },
            cancellationToken);

    async Task<T?> DownloadJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        BinaryData? content = await this.DownloadAsync(path, cancellationToken);
        return content is null ? default : JsonSerializer.Deserialize<T>(content.ToMemory().Span, WorkflowJson.Options);
    }

    async Task<BinaryData?> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            Response<BlobDownloadResult> response = await this.container.GetBlobClient(path).DownloadContentAsync(cancellationToken);
            return response.Value.Content;
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>
    /// Stores a document's content at its dossier path in one request, with its record as metadata (also for
    /// <see cref="BlobStagedDocumentUpload"/>'s small contents). The path is the content's hash: the first upload wins,
    /// so a repeat keeps the original receipt time.
    /// </summary>
    internal static async Task UploadDocumentAsync(
        BlobContainerClient container, string applicationId, StoredDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        BlobClient blob = container.GetBlobClient(DocumentPath(applicationId, document.Type, document.Sha256));
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = document.ContentType },
            Metadata = DocumentMetadata(document),
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict() || e.IsPreconditionFailed())
        {
            // Stored already: the same type and content.
        }
    }

    /// <summary>A document's record as the metadata of its blob (also for <see cref="BlobStagedDocumentUpload"/>).</summary>
    internal static Dictionary<string, string> DocumentMetadata(StoredDocument document) => new(StringComparer.Ordinal)
    {
        ["type"] = document.Type,
        ["contenttype"] = Uri.EscapeDataString(document.ContentType),
        ["size"] = document.Size.ToString(CultureInfo.InvariantCulture),
        ["sha256"] = document.Sha256,
        ["receivedat"] = document.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
        ["filename"] = Uri.EscapeDataString(document.FileName),
    };

    static StoredDocument? ToDocument(BlobItem item) => ToDocument(item.Metadata, item.Properties.ContentType);

    static StoredDocument? ToDocument(IDictionary<string, string> metadata, string? blobContentType)
    {
        string? Get(string key) => metadata.TryGetValue(key, out string? value) ? value : null;
        if (Get("type") is not string type || Get("sha256") is not string sha256
            || !long.TryParse(Get("size"), NumberStyles.Integer, CultureInfo.InvariantCulture, out long size)
            || !DateTimeOffset.TryParse(Get("receivedat"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset receivedAt))
        {
            return null;
        }

        return new StoredDocument(
            type,
            Uri.UnescapeDataString(Get("filename") ?? ""),
            Uri.UnescapeDataString(Get("contenttype") ?? blobContentType ?? "application/octet-stream"),
            size,
            sha256,
            receivedAt);
    }

    /// <summary>Where an application's dossier document lives (internal for the tests that lease it to fail a registration).</summary>
    internal static string ApplicationPath(string applicationId) => $"{Segment(applicationId)}/application.json";

    /// <summary>Where a document lives in its dossier: under its type and the SHA-256 of its content.</summary>
    internal static string DocumentPath(string applicationId, string type, string sha256) =>
        $"{Segment(applicationId)}/documents/{Segment(type)}/{Segment(sha256)}";

    static string RecordPath(string applicationId, string name) => $"{Segment(applicationId)}/records/{RelativePath(name)}";

    static string LetterPath(string applicationId, string letterName) => $"{Segment(applicationId)}/letters/{Segment(letterName)}";

    /// <summary>One path segment: no separator, no "." or "..", no control characters, so no name escapes its folder.</summary>
    static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value is "." or ".." || value.Length > 200 || value.AsSpan().IndexOfAny('/', '\\') >= 0 || value.Any(char.IsControl))
        {
            throw new ArgumentException("Not a valid dossier path segment.", nameof(value));
        }

        return value;
    }

    /// <summary>A relative name of one or more segments ("authentic-sources.json", "decisions/d1.json").</summary>
    static string RelativePath(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return string.Join('/', name.Split('/').Select(Segment));
    }
}
