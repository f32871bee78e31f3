using System.Buffers;
using System.Security.Cryptography;
using Workflow.Application.Submissions;
using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Validation;

/// <summary>A document that passed validation: its record for the dossier and its bytes.</summary>
public sealed record ValidatedDocument(StoredDocument Record, ReadOnlyMemory<byte> Content);

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

        byte[]? content = Decode(errors, $"{field}.contentBase64", document.ContentBase64);
        if (content is null)
        {
            return null;
        }

        if (accepted.Magic is not null && !content.AsSpan().StartsWith(accepted.Magic))
        {
            errors.Add($"{field}.contentBase64", $"the content is not a {document.ContentType} file");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        string sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var record = new StoredDocument(document.Type!, document.FileName!, document.ContentType!, content.Length, sha256, receivedAt);
        return new ValidatedDocument(record, content);
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

    static byte[]? Decode(ValidationErrors errors, string field, string? base64)
    {
        if (!errors.Require(field, base64))
        {
            return null;
        }

        // Checked before decoding, so an oversized document costs no memory.
        if (base64!.Length > ((MaxDocumentBytes + 2) / 3 * 4) + 4)
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

        return buffer.AsSpan(0, length).ToArray();
    }
}
