using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Application.Queries;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Http;

/// <summary>
/// The documents of an application's dossier, for the people who read the application: the list, and each document's
/// content as it was received, streamed from the dossier store. A document is shown, never run: its stored content
/// type, <c>nosniff</c>, and a content security policy that sandboxes it (no script, no plugin, no same origin), so
/// even a crafted file opened in a browser cannot act on this site. Every read of a content is audited with who read it.
/// Registered by <see cref="PermitApi.MapPermitApi"/>; the Functions app calls the same handlers.
/// </summary>
public static class DocumentApi
{
    /// <summary>The content security policy of a document's content: a sandbox without any permission.</summary>
    public const string ContentSecurityPolicy = "sandbox";

    public static RouteGroupBuilder MapDocumentApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        RouteGroupBuilder applications = api.MapGroup("/applications").WithTags("Applications");
        applications.MapGet("/{id}/documents", ListAsync)
            .WithName("ListDocuments")
            .RequireRoles(AccessPolicies.ApplicationReaders)
            .WithSummary("The documents kept in the application's dossier: type, file name, content type, size, SHA-256, when received, and where to read each.")
            .Produces<DocumentList>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapGet("/{id}/documents/{type}/{sha256}", GetContentAsync)
            .WithName("GetDocument")
            .RequireRoles(AccessPolicies.ApplicationReaders)
            .WithSummary("A document's content as received, with its stored content type, shown inline and sandboxed (Content-Security-Policy: sandbox, nosniff); every read is audited.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "image/png", "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<IResult> ListAsync(
        string id, ClaimsPrincipal user, ApplicantAccess access, ISubmissionLedger ledger, IDossierStore dossiers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(dossiers);
        if (!ApplicationIds.IsWellFormed(id)
            || !await access.MayAccessAsync(user, AccessPolicies.ApplicationReaders, id, cancellationToken)
            || await ledger.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NoApplication(id);
        }

        IReadOnlyList<StoredDocument> documents = await dossiers.ListDocumentsAsync(id, cancellationToken);
        return TypedResults.Ok(new DocumentList(id, [.. documents.Select(d => DocumentView.Of(id, d))]));
    }

    public static async Task<IResult> GetContentAsync(
        string id, string type, string sha256, HttpContext http, ClaimsPrincipal user, ApplicantAccess access, IDossierStore dossiers, IAuditLog auditLog, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(time);
        if (!ApplicationIds.IsWellFormed(id) || !await access.MayAccessAsync(user, AccessPolicies.ApplicationReaders, id, cancellationToken))
        {
            return Problems.NoApplication(id);
        }

        // Only a known type and a SHA-256 in hex name a document; anything else is answered as one that is not there.
        DossierDocument? document = DocumentTypes.Known.Contains(type) && IsSha256(sha256)
            ? await dossiers.OpenDocumentAsync(id, type, sha256, cancellationToken)
            : null;
        if (document is null)
        {
            return Problems.NotFound($"There is no such document in application {id}.");
        }

        try
        {
            Actor reader = Actor.Of(user, AccessPolicies.ApplicationReaders);
            DateTimeOffset at = time.GetUtcNow();
            await auditLog.AppendAsync(
                new AuditEntry(
                    id,
                    $"document-read-{at.ToUnixTimeMilliseconds()}-{http.TraceIdentifier}",
                    at,
                    CommandEvents.DocumentRead,
                    reader.Role,
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["type"] = type, ["sha256"] = sha256 },
                    reader.Subject,
                    reader.Name),
                cancellationToken);
        }
        catch
        {
            await document.DisposeAsync();
            throw;
        }

        IHeaderDictionary headers = http.Response.Headers;
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(document.Record.FileName.Length > 0 ? document.Record.FileName : $"{type}");
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "private, no-store"; // personal data: kept by no cache
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Stream(document.Content, document.Record.ContentType);
    }

    static bool IsSha256(string value) => value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
