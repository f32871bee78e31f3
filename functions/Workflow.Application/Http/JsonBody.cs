using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Application.Http;

/// <summary>
/// Reads a JSON request body strictly: the content type must be JSON, the size is bounded (before anything is parsed,
/// or as it streams in for bodies with documents), unknown or duplicate members are rejected, and a parse error
/// becomes a 400 problem that says where (not what: the body may hold personal data, so it is neither echoed nor logged).
/// </summary>
public static partial class JsonBody
{
    public static readonly JsonSerializerOptions Strict = new(WorkflowJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        MaxDepth = 16,
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType());
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (await ReadBoundedAsync(request, maxBytes, cancellationToken) is not byte[] body)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        try
        {
            T? value = JsonSerializer.Deserialize<T>(body, Strict);
            return value is null ? (null, Problems.BadRequest("The body must be a JSON object, not null.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest($"The body is not valid for this endpoint: {Describe(e)}"));
        }
    }

    /// <summary>
    /// Reads a body that carries documents (a submission, documents supplied later) as <see cref="ReadAsync{T}(HttpRequest, long, CancellationToken)"/>
    /// does, with the same answers, but streamed: each document's content is decoded and staged into
    /// <paramref name="uploads"/> as it arrives, and the serializer reads a reference to it instead
    /// (<see cref="DocumentUploads.Attach"/> puts the staged contents on the documents). Neither the body nor a
    /// document is ever held whole in memory.
    /// </summary>
    /// <param name="retiredMembers">Members the endpoint no longer has, with what to send instead: a body naming one is refused with that hint.</param>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, long maxBytes, DocumentUploads uploads, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? retiredMembers = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(uploads);
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType());
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        var body = new BoundedBodyStream(request.Body, maxBytes);
        await using var staged = new DocumentStagingStream(body, uploads);
        try
        {
            T? value = await JsonSerializer.DeserializeAsync<T>(staged, Strict, cancellationToken);
            return value is null ? (null, Problems.BadRequest("The body must be a JSON object, not null.")) : (value, null);
        }
        catch (JsonException e)
        {
            // A body over the limit is too large whatever its JSON, as when bodies were read whole before parsing;
            // with a Content-Length within the limit the server holds the body to it.
            return request.ContentLength is null && await body.RunsOverAsync(cancellationToken)
                ? (null, Problems.TooLarge(maxBytes))
                : (null, Problems.BadRequest($"The body is not valid for this endpoint: {Retired(e, retiredMembers) ?? Describe(e)}"));
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or BoundedBodyStream.TooLargeException)
        {
            return (null, Problems.TooLarge(maxBytes));
        }
    }

    /// <summary>Reads the raw body up to <paramref name="maxBytes"/>; null when it is larger, whatever Content-Length said.</summary>
    public static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(new LimitedStream(buffer, maxBytes), cancellationToken);
            return buffer.ToArray();
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or LimitedStream.TooLargeException)
        {
            return null;
        }
    }

    /// <summary>How much of a name the client chose (a member name, in the message or the path) a problem repeats.</summary>
    const int MaxEchoedChars = 40;

    /// <summary>
    /// The location of a parse error, without the offending value; names the client chose (an unknown member's, say)
    /// are cut short, so a problem or a poison reason never repeats a long hostile string. Also for the federal handler.
    /// </summary>
    internal static string Describe(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string where = e.Path is { Length: > 0 } path ? $" at {Cut(path)}" : string.Empty;
        string what = Quoted().Replace(e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0], quoted => $"'{Cut(quoted.Groups[1].Value)}'");
        return $"{(what.Length <= 4 * MaxEchoedChars + 80 ? what : "The JSON does not fit this endpoint.")}{where}";
    }

    /// <summary>The hint for a retired member the body named at the top level, if that is what failed.</summary>
    internal static string? Retired(JsonException e, IReadOnlyDictionary<string, string>? retiredMembers)
    {
        ArgumentNullException.ThrowIfNull(e);
        foreach ((string member, string hint) in retiredMembers ?? new Dictionary<string, string>())
        {
            if (e.Path == $"$.{member}" && e.Message.Contains($"'{member}'", StringComparison.Ordinal))
            {
                return $"'{member}' is not a member of this body: {hint}";
            }
        }

        return null;
    }

    static string Cut(string text) => text.Length <= MaxEchoedChars ? text : text[..MaxEchoedChars] + "...";

    [GeneratedRegex("'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    /// <summary>Stops copying once more than the limit has come in, whatever the Content-Length said.</summary>
    sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        long written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => this.written;

        public override long Position { get => this.written; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => this.Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            this.written += buffer.Length;
            if (this.written > limit)
            {
                throw new TooLargeException();
            }

            inner.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            this.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            this.Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        internal sealed class TooLargeException : IOException;
    }
}
