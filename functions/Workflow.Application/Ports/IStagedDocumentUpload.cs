using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Ports;

/// <summary>
/// One document's content being staged, block by block. Disposing it discards the staged content (a saved copy in the
/// dossier stays); staged blocks never saved are never visible in any dossier.
/// </summary>
public interface IStagedDocumentUpload : IAsyncDisposable
{
    /// <summary>Stages the next block of the content; the caller may reuse the memory once the task has completed.</summary>
    Task AppendAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the staged content in the application's dossier as <paramref name="document"/>, like
    /// <see cref="Orchestrations.Ports.IDossierStore.SaveDocumentAsync"/>: stored under its SHA-256, the first save wins,
    /// saving it again is harmless.
    /// </summary>
    Task SaveToDossierAsync(string applicationId, StoredDocument document, CancellationToken cancellationToken);
}
