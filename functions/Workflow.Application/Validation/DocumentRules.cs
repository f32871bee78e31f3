using System.Buffers;
using System.Security.Cryptography;
using Workflow.Application.Submissions;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Validation;

/// <summary>
/// A document that passed validation: its record for the dossier and its bytes, or (as the HTTP API reads documents)
/// its content staged while the request was read, <see cref="Content"/> then being empty.
/// </summary>
public sealed record ValidatedDocument(StoredDocument Record, ReadOnlyMemory<byte> Content)
{
    public StagedDocumentContent? Staged { get; init; }

    /// <summary>Keeps the document in the application's dossier (the first save of a type and content wins).</summary>
    public Task SaveAsync(IDossierStore dossiers, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        if (this.Staged is null)
        {
            return dossiers.SaveDocumentAsync(applicationId, this.Record, this.Content, cancellationToken);
        }

        // A valid staged content always has its bytes staged; anything else would store an empty document.
        return (this.Staged.Upload ?? throw new InvalidOperationException("The document's content was not staged."))
            .SaveToDossierAsync(applicationId, this.Record, cancellationToken);
    }
}

/// <summary>
/// Rules for documents: a known type, a plain file name (no path, no traversal, an extension that matches), an
/// accepted content type whose bytes really are of that type, and bounded sizes. Each kept document is recorded with
/// type, size and SHA-256.
/// </summary>
public static class DocumentRules
{
    public const int MaxDocuments = 20;
    public const int MaxDocumentBytes = 5 * 1024 * 1024;
    public const int MaxTotalBytes = 20 * 1024 * 1024;

    static readonly Dictionary<string, (string[] Extensions, byte[] Magic)> ContentTypes = new(StringComparer.Ordinal)
    {
        ["application/pdf"] = ([".pdf"], "%PDF-"u8.ToArray()),
        ["image/png"] = ([".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ["image/jpeg"] = ([".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
    };

    static readonly SearchValues<char> ForbiddenInFileNames = SearchValues.Create("/\\:*?\"<>|");

    public static IReadOnlyList<ValidatedDocument> Validate(ValidationErrors errors, string field, IReadOnlyList<DocumentInput?>? documents, DateTimeOffset receivedAt, bool required)
    {
        if (documents is null || documents.Count == 0)
        {
            if (required)
            {
                errors.Add(field, "at least one document is required");
            }

            return [];
        }

        if (documents.Count > MaxDocuments)
        {
            errors.Add(field, $"at most {MaxDocuments} documents per request");
            return [];
        }

        var valid = new List<ValidatedDocument>();
        long total = 0;
        for (int i = 0; i < documents.Count; i++)
        {
            ValidatedDocument? document = ValidateOne(errors, $"{field}[{i}]", documents[i], receivedAt);
            if (document is not null)
            {
                total += document.Record.Size;
                valid.Add(document);
            }
        }

        if (total > MaxTotalBytes)
        {
            errors.Add(field, $"the documents together must be at most {MaxTotalBytes / (1024 * 1024)} MiB");
        }

        return valid;
    }

    static ValidatedDocument? ValidateOne(ValidationErrors errors, string field, DocumentInput? document, DateTimeOffset receivedAt)
    {
        if (document is null)
        {
            errors.Add(field, "must be an object");
            return null;
        }

        bool ok = true;
        if (errors.Require($"{field}.type", document.Type) && !DocumentTypes.Known.Contains(document.Type!))
        {
            errors.Add($"{field}.type", $"is not a known document type ({string.Join(", ", DocumentTypes.Known.Order(StringComparer.Ordinal))})");
            ok = false;
        }

        (string[] Extensions, byte[] Magic) accepted = default;
        if (!errors.Require($"{field}.contentType", document.ContentType) || !ContentTypes.TryGetValue(document.ContentType!, out accepted))
        {
            if (document.ContentType is not null)
            {
                errors.Add($"{field}.contentType", $"must be one of {string.Join(", ", ContentTypes.Keys)}");
            }

            ok = false;
        }

        ok &= FileName(errors, $"{field}.fileName", document.FileName, accepted.Extensions);

        // Content the HTTP API staged while reading the request is judged on what was learnt of it on the way.
        if ((document.Staged is { } staged ? Check(errors, $"{field}.contentBase64", staged) : Decode(errors, $"{field}.contentBase64", document.ContentBase64))
            is not CheckedContent content)
        {
            return null;
        }

        if (accepted.Magic is not null && !content.Head.Span.StartsWith(accepted.Magic))
        {
            errors.Add($"{field}.contentBase64", $"the content is not a {document.ContentType} file");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        var record = new StoredDocument(document.Type!, document.FileName!, document.ContentType!, content.Length, content.Sha256, receivedAt);
        return new ValidatedDocument(record, content.Bytes) { Staged = content.Staged };
    }

    static bool FileName(ValidationErrors errors, string field, string? name, string[]? extensions)
    {
        if (!errors.Require(field, name) || name is null)
        {
            return false;
        }

        string problem = name switch
        {
            { Length: > 120 } => "must be at most 120 characters",
            _ when name.AsSpan().IndexOfAny(ForbiddenInFileNames) >= 0 => "must be a plain file name, without a path or any of / \\ : * ? \" < > |",
            _ when name.Contains("..", StringComparison.Ordinal) || name.StartsWith('.') => "must not start with '.' or contain '..'",
            _ when name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format) => "must not contain control or invisible characters",
            _ when name.Trim() != name => "must not start or end with white space",
            _ when extensions is not null && !extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) => $"must end with {string.Join(" or ", extensions)} for its content type",
            _ => string.Empty,
        };
        if (problem.Length > 0)
        {
            errors.Add(field, problem);
            return false;
        }

        return true;
    }

    /// <summary>The longest base64 string a document of <see cref="MaxDocumentBytes"/> can have (with a little slack for white space).</summary>
    internal const long MaxContentCharacters = ((MaxDocumentBytes + 2) / 3 * 4) + 4;

    /// <summary>An inline base64 string, decoded.</summary>
    static CheckedContent? Decode(ValidationErrors errors, string field, string? base64)
    {
        if (!errors.Require(field, base64))
        {
            return null;
        }

        // Checked before decoding, so an oversized document costs no memory.
        if (base64!.Length > MaxContentCharacters)
        {
            errors.Add(field, $"a document must be at most {MaxDocumentBytes / (1024 * 1024)} MiB");
            return null;
        }

        byte[] buffer = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out int length))
        {
            errors.Add(field, "is not valid base64");
            return null;
        }

        if (length == 0)
        {
            errors.Add(field, "the document is empty");
            return null;
        }

        if (length > MaxDocumentBytes)
        {
            errors.Add(field, $"a document must be at most {MaxDocumentBytes / (1024 * 1024)} MiB");
            return null;
        }

        byte[] content = buffer.AsSpan(0, length).ToArray();
        return new CheckedContent(content, length, Convert.ToHexStringLower(SHA256.HashData(content)), content, Staged: null);
    }

    /// <summary>The same checks, in the same order and words, on a content staged while the request was read.</summary>
    static CheckedContent? Check(ValidationErrors errors, string field, StagedDocumentContent content)
    {
        string? problem = content switch
        {
            { IsBlank: true } => "is required",
            { Characters: > MaxContentCharacters } => $"a document must be at most {MaxDocumentBytes / (1024 * 1024)} MiB",
            { IsBase64: false } => "is not valid base64",
            { Length: 0 } => "the document is empty",
            { Length: > MaxDocumentBytes } => $"a document must be at most {MaxDocumentBytes / (1024 * 1024)} MiB",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(field, problem);
            return null;
        }

        return new CheckedContent(content.Head, content.Length, content.Sha256!, ReadOnlyMemory<byte>.Empty, content);
    }

    /// <summary>A content that passed the checks: its first bytes (for sniffing), size, hash, and its bytes or staged upload.</summary>
    readonly record struct CheckedContent(ReadOnlyMemory<byte> Head, long Length, string Sha256, ReadOnlyMemory<byte> Bytes, StagedDocumentContent? Staged);
}
