using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Ports;

/// <summary>
/// The dossier: the application as filed, its documents, the caseworker's motivation, gathered source data and
/// letters. The only place personal data is kept (Blob storage in both hosts).
/// </summary>
public interface IDossierStore
{
    Task SaveApplicationAsync(ApplicationDossier dossier, CancellationToken cancellationToken);

    Task<ApplicationDossier?> GetApplicationAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Stores a document under its SHA-256; storing the same content twice is harmless.</summary>
    Task SaveDocumentAsync(string applicationId, StoredDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Opens a document by its type and SHA-256 for reading as a stream, or null when the dossier holds none.</summary>
    Task<DossierDocument?> OpenDocumentAsync(string applicationId, string type, string sha256, CancellationToken cancellationToken);

    /// <summary>Stores a JSON record (a decision's motivation, a question, gathered data) under a relative name.</summary>
    Task SaveRecordAsync<T>(string applicationId, string name, T record, CancellationToken cancellationToken);

    Task<T?> GetRecordAsync<T>(string applicationId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a letter with its content type under its name (writing the same name again replaces it) and returns its
    /// reference (a path inside the dossier ending in the name, no personal data).
    /// </summary>
    Task<string> SaveLetterAsync(string applicationId, string letterName, LetterFile letter, CancellationToken cancellationToken);

    /// <summary>A letter as stored, with its stored content type; null when the dossier holds none of that name.</summary>
    Task<LetterFile?> GetLetterAsync(string applicationId, string letterName, CancellationToken cancellationToken);

    /// <summary>Deletes the whole dossier (retention); returns how many items went. Deleting a deleted dossier deletes nothing.</summary>
    Task<int> DeleteAsync(string applicationId, CancellationToken cancellationToken);
}
