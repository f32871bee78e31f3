namespace Workflow.Application.Ports;

/// <summary>
/// Where a document's content goes while its request is still being read: staged in blocks beside the dossiers, in no
/// dossier until a request that passed validation saves it under an application. So a request never holds a whole
/// document in memory (but a small one it lets an upload hold, a bounded few), and a refused request leaves nothing behind.
/// </summary>
public interface IDocumentStaging
{
    /// <summary>Starts staging one document's content; dispose the upload to discard what it staged.</summary>
    /// <param name="holdBytes">
    /// A content that arrives as a single block of at most this many bytes may be held in memory instead, and saved
    /// into the dossier in one step (0: always staged). The caller bounds what one request holds so.
    /// </param>
    IStagedDocumentUpload BeginUpload(int holdBytes);

    /// <summary>
    /// Discards what was staged before <paramref name="stagedBefore"/> and is still there (left by a request that
    /// died before it was answered); returns how many staged contents went.
    /// </summary>
    Task<int> DiscardStaleAsync(DateTimeOffset stagedBefore, CancellationToken cancellationToken);
}
