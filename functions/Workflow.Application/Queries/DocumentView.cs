using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Queries;

/// <summary>A document of the dossier as listed: its record, and where its content is read (<c>ContentUrl</c>).</summary>
public sealed record DocumentView(string Type, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset ReceivedAt, string ContentUrl)
{
    public static DocumentView Of(string applicationId, StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentView(
            document.Type, document.FileName, document.ContentType, document.Size, document.Sha256, document.ReceivedAt,
            ContentUrlOf(applicationId, document.Type, document.Sha256));
    }

    public static string ContentUrlOf(string applicationId, string type, string sha256) => $"/api/applications/{applicationId}/documents/{type}/{sha256}";
}
