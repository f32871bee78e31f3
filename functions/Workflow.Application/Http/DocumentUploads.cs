using Workflow.Application.Ports;
using Workflow.Application.Submissions;
using Workflow.Application.Validation;

namespace Workflow.Application.Http;

/// <summary>
/// The document contents one request staged while it was read (<see cref="JsonBody.ReadAsync{T}(Microsoft.AspNetCore.Http.HttpRequest, long, DocumentUploads, CancellationToken, IReadOnlyDictionary{string, string})"/>),
/// each under the reference that replaced its base64 in the JSON. Disposing it, before the request is answered,
/// discards every staged upload: a valid request has saved its documents into the dossier by then, and what a
/// refused request staged goes without ever having been in a dossier.
/// </summary>
public sealed class DocumentUploads(IDocumentStaging staging) : IAsyncDisposable
{
    /// <summary>
    /// The largest content a request's upload may hold in memory instead of staging it (<see cref="IDocumentStaging.BeginUpload"/>):
    /// the usual small document then takes one storage request instead of four. With at most
    /// <see cref="DocumentRules.MaxDocuments"/> of them, a request holds no more than 2.5 MiB so.
    /// </summary>
    public const int HoldBytes = 128 * 1024;

    readonly List<IStagedDocumentUpload> begun = [];
    readonly Dictionary<string, StagedDocumentContent> contents = new(StringComparer.Ordinal);

    /// <summary>
    /// The documents, each with the content staged for it attached (found by the reference in its
    /// <c>contentBase64</c>); a document whose content was not streamed keeps its base64.
    /// </summary>
    public IReadOnlyList<DocumentInput>? Attach(IReadOnlyList<DocumentInput>? documents) => documents?.Select(this.AttachTo).ToList();

    DocumentInput AttachTo(DocumentInput document) =>
        document?.ContentBase64 is string reference && this.contents.TryGetValue(reference, out StagedDocumentContent? content)
            ? document with { Staged = content }
            : document!; // a null entry (JSON null in the list) stays null: the validation names it

    public async ValueTask DisposeAsync()
    {
        foreach (IStagedDocumentUpload upload in this.begun)
        {
            await upload.DisposeAsync();
        }

        this.begun.Clear();
    }

    internal IStagedDocumentUpload Begin()
    {
        // Only as many contents as a valid request may carry are let held, so what a request holds stays bounded
        // however many it sends before the validation refuses it.
        IStagedDocumentUpload upload = staging.BeginUpload(this.begun.Count < DocumentRules.MaxDocuments ? HoldBytes : 0);
        this.begun.Add(upload);
        return upload;
    }

    /// <summary>
    /// Keeps a content under the reference that stands for it in the JSON: its position and the SHA-256 of its bytes,
    /// so the same body always reads the same (the submission's body hash relies on it) and another content never does.
    /// </summary>
    internal string Add(StagedDocumentContent content)
    {
        string reference = $"staged:{this.contents.Count}:{content.Sha256 ?? "not-kept"}";
        this.contents.Add(reference, content);
        return reference;
    }
}
