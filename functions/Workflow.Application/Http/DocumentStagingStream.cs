using System.Buffers;
using System.Text;
using System.Text.Json;
using Workflow.Application.Ports;

namespace Workflow.Application.Http;

/// <summary>
/// A JSON request body as the serializer reads it, with each document's content taken out on the way: every string
/// at <c>$.documents[*].contentBase64</c> is decoded in blocks and staged (<see cref="DocumentUploads"/>) as it
/// arrives, and handed on as a short reference to what was staged. All else passes unchanged, so the serializer reads
/// the same JSON and refuses bad JSON in its own words; where this scanner cannot follow the JSON, it passes the rest
/// through as it is. So reading a request holds small buffers, never a whole document.
/// </summary>
internal sealed class DocumentStagingStream : Stream
{
    /// <summary>Raw bytes read at a time; the window only grows for a single JSON token larger than this (not a document's content).</summary>
    const int WindowBytes = 64 * 1024;

    /// <summary>
    /// The longest token other than a document's content the scanner holds: no valid request has one near it. Past
    /// it, the scanner passes the rest through, and the serializer judges the request as it always did.
    /// </summary>
    const int MaxTokenBytes = 1024 * 1024;

    /// <summary>How much content is staged at a time, per document being read.</summary>
    public const int BlockBytes = 1024 * 1024;

    readonly Stream body;
    readonly DocumentUploads uploads;
    readonly int blockBytes;
    byte[] window = ArrayPool<byte>.Shared.Rent(WindowBytes);
    int start;
    int end;
    bool bodyEnded;
    byte[] output = ArrayPool<byte>.Shared.Rent(WindowBytes);
    int outputStart;
    int outputEnd;
    bool outputEnded;
    Mode mode = Mode.Json;
    JsonReaderState json;
    bool rootMemberIsDocuments;
    bool inDocuments;
    ContentStringDecoder? content;
    IStagedDocumentUpload? upload;

    /// <param name="blockBytes">How much content is staged at a time (tests make it small, to cross many block boundaries).</param>
    public DocumentStagingStream(Stream body, DocumentUploads uploads, int blockBytes = BlockBytes)
    {
        this.body = body;
        this.uploads = uploads;
        this.blockBytes = blockBytes;
    }

    enum Mode
    {
        /// <summary>Following the JSON's structure, token by token.</summary>
        Json,

        /// <summary>After a document's <c>contentBase64</c> member name: is its value a string?</summary>
        ContentValue,

        /// <summary>Inside a document's content string.</summary>
        Content,

        /// <summary>The JSON could not be followed: the rest goes through unchanged.</summary>
        PassThrough,
    }

    enum Next
    {
        Output,
        ReadBody,
        StageBlock,
        EndContent,
        Finished,
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (this.outputStart == this.outputEnd)
        {
            if (this.outputEnded)
            {
                return 0;
            }

            this.outputStart = this.outputEnd = 0;
            await this.ProduceAsync(cancellationToken);
        }

        int count = Math.Min(buffer.Length, this.outputEnd - this.outputStart);
        this.output.AsMemory(this.outputStart, count).CopyTo(buffer);
        this.outputStart += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The request body is read asynchronously only (Kestrel refuses synchronous reads).
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            this.content?.Dispose();
            this.content = null;
            ArrayPool<byte>.Shared.Return(this.window);
            ArrayPool<byte>.Shared.Return(this.output);
            this.window = this.output = [];
        }

        base.Dispose(disposing);
    }

    /// <summary>Works until there is output for the serializer or the body is done.</summary>
    async ValueTask ProduceAsync(CancellationToken cancellationToken)
    {
        while (this.outputStart == this.outputEnd && !this.outputEnded)
        {
            switch (this.Step())
            {
                case Next.ReadBody:
                    await this.ReadBodyAsync(cancellationToken);
                    break;
                case Next.StageBlock:
                    await this.StageBlockAsync(cancellationToken);
                    break;
                case Next.EndContent:
                    await this.EndContentAsync(cancellationToken);
                    break;
                case Next.Finished:
                    this.outputEnded = true;
                    break;
            }
        }
    }

    Next Step()
    {
        bool final = this.bodyEnded;
        switch (this.mode)
        {
            case Mode.Json:
                return this.FollowJson(final);

            case Mode.ContentValue:
                while (this.start < this.end && this.window[this.start] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
                {
                    this.Emit(this.window.AsSpan(this.start++, 1));
                }

                if (this.start == this.end && !final)
                {
                    return Next.ReadBody;
                }

                if (this.start < this.end && this.window[this.start] == (byte)'"')
                {
                    this.start++;
                    this.content = new ContentStringDecoder(this.blockBytes);
                    this.mode = Mode.Content;
                }
                else
                {
                    this.mode = Mode.Json; // not a string: the serializer judges it
                }

                return Next.Output;

            case Mode.Content:
                ContentStep step = this.content!.Consume(this.window.AsSpan(this.start, this.end - this.start), final, out int used);
                this.start += used;
                switch (step)
                {
                    case ContentStep.NeedInput:
                        return Next.ReadBody;
                    case ContentStep.BlockFull:
                        return Next.StageBlock;
                    case ContentStep.End:
                        return Next.EndContent;
                    default:
                        // A string of just the offending bytes makes the serializer refuse the body as it would have.
                        this.Emit("\""u8);
                        this.Emit(this.content.Offending.Span);
                        if (!this.content.Unterminated)
                        {
                            this.Emit("\""u8);
                        }

                        this.content.Dispose();
                        this.content = null;
                        return Next.Finished;
                }

            default:
                this.Emit(this.window.AsSpan(this.start, this.end - this.start));
                this.start = this.end;
                return final ? Next.Finished : Next.ReadBody;
        }
    }

    /// <summary>Reads tokens as far as the window goes, passing them on, until a document's content member.</summary>
    Next FollowJson(bool final)
    {
        var reader = new Utf8JsonReader(this.window.AsSpan(this.start, this.end - this.start), final, this.json);
        bool found = false;
        try
        {
            while (!found && reader.Read())
            {
                found = this.Track(ref reader);
            }
        }
        catch (JsonException)
        {
            // Not JSON the scanner can follow: the serializer reads it unchanged and says what is wrong.
            this.mode = Mode.PassThrough;
            return Next.Output;
        }

        int used = (int)reader.BytesConsumed;
        this.json = reader.CurrentState;
        this.Emit(this.window.AsSpan(this.start, used));
        this.start += used;
        if (found)
        {
            this.mode = Mode.ContentValue;
            return Next.Output;
        }

        if (final)
        {
            this.Emit(this.window.AsSpan(this.start, this.end - this.start));
            this.start = this.end;
            return Next.Finished;
        }

        return used > 0 ? Next.Output : Next.ReadBody;
    }

    /// <summary>Follows where the reader is; true at the name of a document's content member.</summary>
    bool Track(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                this.rootMemberIsDocuments = NameIs(ref reader, "documents"u8);
                return false;
            case JsonTokenType.StartArray when reader.CurrentDepth == 1:
                this.inDocuments = this.rootMemberIsDocuments;
                return false;
            case JsonTokenType.EndArray when reader.CurrentDepth == 1:
                this.inDocuments = false;
                return false;
            case JsonTokenType.PropertyName when reader.CurrentDepth == 3 && this.inDocuments:
                // Depth 3 inside the documents array: a member of one of its objects.
                return NameIs(ref reader, "contentBase64"u8);
            default:
                return false;
        }
    }

    /// <summary>Whether a member name is <paramref name="name"/>, ignoring ASCII case as the serializer does for the API's models.</summary>
    static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.ValueIsEscaped)
        {
            return Ascii.EqualsIgnoreCase(reader.ValueSpan, name);
        }

        // Unescaping never lengthens a name; a longer one is not one of the API's.
        Span<byte> unescaped = stackalloc byte[128];
        try
        {
            return reader.ValueSpan.Length <= unescaped.Length
                && Ascii.EqualsIgnoreCase(unescaped[..reader.CopyString(unescaped)], name);
        }
        catch (InvalidOperationException)
        {
            return false; // an escape the serializer cannot read either
        }
    }

    async ValueTask ReadBodyAsync(CancellationToken cancellationToken)
    {
        if (this.start > 0)
        {
            this.window.AsSpan(this.start, this.end - this.start).CopyTo(this.window);
            this.end -= this.start;
            this.start = 0;
        }

        if (this.end == this.window.Length && !this.EmitPendingWhiteSpace())
        {
            if (this.window.Length >= MaxTokenBytes)
            {
                this.mode = Mode.PassThrough;
                return;
            }

            this.window = Grow(this.window, this.end);
        }

        int read = await this.body.ReadAsync(this.window.AsMemory(this.end), cancellationToken);
        this.end += read;
        this.bodyEnded = read == 0;
    }

    /// <summary>
    /// White space the reader holds back (after a comma it waits for the next token) would pile up in the window: it
    /// goes out now, ahead of the separators it followed, which leaves the JSON the same.
    /// </summary>
    bool EmitPendingWhiteSpace()
    {
        int kept = this.start;
        int at = this.start;
        for (; at < this.end && this.window[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)':'; at++)
        {
            if (this.window[at] is (byte)',' or (byte)':')
            {
                this.window[kept++] = this.window[at];
            }
            else
            {
                this.Emit(this.window.AsSpan(at, 1));
            }
        }

        if (at == kept)
        {
            return false;
        }

        this.window.AsSpan(at, this.end - at).CopyTo(this.window.AsSpan(kept));
        this.end -= at - kept;
        return true;
    }

    async ValueTask StageBlockAsync(CancellationToken cancellationToken)
    {
        ContentStringDecoder decoder = this.content!;
        if (decoder.Keeping)
        {
            this.upload ??= this.uploads.Begin();
            await this.upload.AppendAsync(decoder.Block, cancellationToken);
        }

        decoder.ClearBlock();
    }

    /// <summary>The content string is read: the rest decoded and staged, and a reference to it handed on.</summary>
    async ValueTask EndContentAsync(CancellationToken cancellationToken)
    {
        ContentStringDecoder decoder = this.content!;
        while (decoder.Finish() == ContentStep.BlockFull)
        {
            await this.StageBlockAsync(cancellationToken);
        }

        if (decoder.BlockCount > 0)
        {
            await this.StageBlockAsync(cancellationToken);
        }

        string reference = this.uploads.Add(decoder.Result(this.upload));
        this.Emit("\""u8);
        this.Emit(Encoding.ASCII.GetBytes(reference));
        this.Emit("\""u8);

        // The reader has read the member name; it reads the reference as the member's value.
        var reader = new Utf8JsonReader("\"\""u8, isFinalBlock: false, this.json);
        reader.Read();
        this.json = reader.CurrentState;

        decoder.Dispose();
        this.content = null;
        this.upload = null;
        this.mode = Mode.Json;
    }

    void Emit(ReadOnlySpan<byte> bytes)
    {
        if (this.outputEnd + bytes.Length > this.output.Length)
        {
            this.output = Grow(this.output, this.outputEnd + bytes.Length);
        }

        bytes.CopyTo(this.output.AsSpan(this.outputEnd));
        this.outputEnd += bytes.Length;
    }

    static byte[] Grow(byte[] buffer, int needed)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
