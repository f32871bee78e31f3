using Workflow.Application.Ports;

namespace Workflow.Application.Validation;

/// <summary>
/// What the request reader learnt of one document's <c>contentBase64</c> while it decoded and staged it, so that
/// <see cref="DocumentRules"/> judges it as it judges the string itself: the string's length and whether it is blank,
/// whether it is valid base64, and of the bytes their count, the first few (for sniffing the type) and the SHA-256.
/// The bytes are in <see cref="Upload"/>, staged only when they can be kept (valid base64 within the size limits).
/// </summary>
public sealed class StagedDocumentContent(
    long characters, bool isBlank, bool isBase64, long length, ReadOnlyMemory<byte> head, string? sha256, IStagedDocumentUpload? upload)
{
    /// <summary>How many bytes of the content's start are kept for sniffing: more than any accepted type's magic number.</summary>
    public const int HeadBytes = 16;

    /// <summary>The length of the base64 string (UTF-16 code units, as <c>string.Length</c>).</summary>
    public long Characters { get; } = characters;

    /// <summary>Only white space (as <c>string.IsNullOrWhiteSpace</c>): a missing content.</summary>
    public bool IsBlank { get; } = isBlank;

    /// <summary>Valid base64 (as <c>Convert.TryFromBase64String</c>); false also when the string was too long to be checked.</summary>
    public bool IsBase64 { get; } = isBase64;

    /// <summary>The decoded size in bytes (of valid base64).</summary>
    public long Length { get; } = length;

    /// <summary>The first <see cref="HeadBytes"/> decoded bytes (fewer for a shorter document).</summary>
    public ReadOnlyMemory<byte> Head { get; } = head;

    /// <summary>Lowercase hex SHA-256 of the decoded bytes, when they were staged.</summary>
    public string? Sha256 { get; } = sha256;

    /// <summary>The staged bytes; null when there is nothing worth keeping.</summary>
    public IStagedDocumentUpload? Upload { get; } = upload;
}
