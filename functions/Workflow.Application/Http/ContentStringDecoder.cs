using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Workflow.Application.Validation;

namespace Workflow.Application.Http;

/// <summary>Where <see cref="ContentStringDecoder"/> stopped.</summary>
internal enum ContentStep
{
    /// <summary>All given bytes are used; the string goes on in the next ones.</summary>
    NeedInput,

    /// <summary>A block of content is ready to stage (<see cref="ContentStringDecoder.Block"/>).</summary>
    BlockFull,

    /// <summary>The closing quote is read, or (from <see cref="ContentStringDecoder.Finish"/>) the content is complete.</summary>
    End,

    /// <summary>The string holds what the JSON serializer refuses (<see cref="ContentStringDecoder.Offending"/>).</summary>
    Malformed,
}

/// <summary>
/// Decodes one JSON string of base64 (a document's <c>contentBase64</c>) as its raw bytes arrive, holding at most a
/// block of the content: it unescapes as the JSON reader does, decodes base64 as <c>Convert.TryFromBase64String</c>
/// does (the four white-space characters ignored, padding only at the end), counts and hashes the bytes, keeps the
/// first few, and fills a block to stage for as long as the content can be kept. It learns what
/// <see cref="DocumentRules"/> asks of the string (its length, whether it is blank) on the way. Bytes the serializer
/// would refuse (control characters, bad escapes, invalid UTF-8, lone surrogates) are handed back in
/// <see cref="Offending"/>, so that the serializer refuses them in its own words.
/// </summary>
internal sealed class ContentStringDecoder : IDisposable
{
    /// <summary>Base64 characters gathered before a decode: a multiple of 4, small next to a block.</summary>
    const int PendingCharacters = 16 * 1024;

    static readonly SearchValues<byte> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    readonly int blockBytes;
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly byte[] head = new byte[StagedDocumentContent.HeadBytes];
    byte[] block;
    byte[] pending;
    int pendingCount;
    int headCount;
    long characters;
    long length;
    bool blank = true;
    bool invalid;
    byte[]? untranscodable;

    /// <param name="blockBytes">How much content a block holds (it may run up to 3 bytes over).</param>
    public ContentStringDecoder(int blockBytes)
    {
        this.blockBytes = blockBytes;
        this.block = ArrayPool<byte>.Shared.Rent(blockBytes + 3);
        this.pending = ArrayPool<byte>.Shared.Rent(PendingCharacters);
    }

    /// <summary>The content that is ready to stage; <see cref="ClearBlock"/> once it is staged.</summary>
    public ReadOnlyMemory<byte> Block => this.block.AsMemory(0, this.BlockCount);

    public int BlockCount { get; private set; }

    /// <summary>Whether the content can still be kept: valid so far, and within the limits of one document.</summary>
    public bool Keeping => this.Decoding && this.length <= DocumentRules.MaxDocumentBytes;

    /// <summary>After <see cref="ContentStep.Malformed"/>: the bytes to hand the serializer in a string of their own.</summary>
    public ReadOnlyMemory<byte> Offending { get; private set; }

    /// <summary>After <see cref="ContentStep.Malformed"/>: the body ended inside the string (no closing quote to add).</summary>
    public bool Unterminated { get; private set; }

    /// <summary>Whether base64 is still worth decoding: nothing invalid seen and the string not too long to be a document.</summary>
    bool Decoding => !this.invalid && this.characters <= DocumentRules.MaxContentCharacters;

    public void ClearBlock() => this.BlockCount = 0;

    /// <summary>
    /// Reads the string's raw bytes (after its opening quote) until the closing quote, a full block, the end of
    /// <paramref name="raw"/> (when <paramref name="final"/>, the end of the body), or bytes the serializer refuses.
    /// </summary>
    public ContentStep Consume(ReadOnlySpan<byte> raw, bool final, out int consumed)
    {
        int i = 0;
        ContentStep step;
        while (true)
        {
            if (this.BlockCount >= this.blockBytes)
            {
                step = ContentStep.BlockFull;
                break;
            }

            if (this.Decoding && this.pendingCount == PendingCharacters)
            {
                this.DecodePending();
                continue;
            }

            ReadOnlySpan<byte> rest = raw[i..];
            if (rest.IsEmpty)
            {
                step = final ? this.Malformed([], unterminated: true) : ContentStep.NeedInput;
                break;
            }

            int run = rest.IndexOfAnyExcept(Alphabet);
            if (run != 0)
            {
                i += this.TakeBase64(run < 0 ? rest : rest[..run]);
                continue;
            }

            byte b = rest[0];
            if (b == (byte)'"')
            {
                i++;
                step = this.untranscodable is byte[] bad ? this.Malformed(bad, unterminated: false) : ContentStep.End;
                break;
            }

            if (b == (byte)'\\')
            {
                int used = this.Escape(rest, final, out ContentStep? stop);
                if (stop is ContentStep escapeStep)
                {
                    step = escapeStep;
                    break;
                }

                i += used;
                continue;
            }

            if (b < 0x20)
            {
                step = this.Malformed(rest[..1].ToArray(), unterminated: false);
                break;
            }

            if (b < 0x80)
            {
                this.Character((char)b);
                i++;
                continue;
            }

            OperationStatus status = Rune.DecodeFromUtf8(rest, out Rune rune, out int runeBytes);
            if (status == OperationStatus.NeedMoreData && !final)
            {
                step = ContentStep.NeedInput;
                break;
            }

            if (status == OperationStatus.Done)
            {
                this.characters += rune.Utf16SequenceLength;
                this.blank &= Rune.IsWhiteSpace(rune);
                this.invalid = true;
            }
            else
            {
                this.Untranscodable(rest[..runeBytes]);
            }

            i += runeBytes;
        }

        consumed = i;
        return step;
    }

    /// <summary>
    /// After the closing quote: decodes what is left, checking the last quantum as <c>Convert</c> does. Stops at
    /// <see cref="ContentStep.BlockFull"/> until the block is staged; <see cref="ContentStep.End"/> when complete (a
    /// last, partial block may remain to stage).
    /// </summary>
    public ContentStep Finish()
    {
        while (this.Decoding && this.pendingCount > 4)
        {
            if (this.BlockCount >= this.blockBytes)
            {
                return ContentStep.BlockFull;
            }

            this.DecodePending();
        }

        if (!this.Decoding)
        {
            return ContentStep.End;
        }

        if (this.BlockCount >= this.blockBytes)
        {
            return ContentStep.BlockFull;
        }

        Span<char> last = stackalloc char[4];
        Span<byte> bytes = stackalloc byte[3];
        int count = Encoding.ASCII.GetChars(this.pending.AsSpan(0, this.pendingCount), last);
        this.pendingCount = 0;
        if (Convert.TryFromBase64Chars(last[..count], bytes, out int written))
        {
            this.Decoded(bytes[..written], inBlock: false);
        }
        else
        {
            this.invalid = true;
        }

        return ContentStep.End;
    }

    /// <summary>What was learnt of the string, with the upload that holds its bytes when they are kept.</summary>
    public StagedDocumentContent Result(Ports.IStagedDocumentUpload? upload)
    {
        bool kept = this.Keeping && this.length > 0 && upload is not null;
        return new StagedDocumentContent(
            this.characters,
            this.blank,
            this.Decoding,
            this.length,
            this.head.AsSpan(0, this.headCount).ToArray(),
            kept ? Convert.ToHexStringLower(this.hash.GetHashAndReset()) : null,
            kept ? upload : null);
    }

    public void Dispose()
    {
        this.hash.Dispose();
        ArrayPool<byte>.Shared.Return(this.block);
        ArrayPool<byte>.Shared.Return(this.pending);
        this.block = [];
        this.pending = [];
    }

    /// <summary>A run of base64 alphabet characters: gathered for decoding, as far as there is room.</summary>
    int TakeBase64(ReadOnlySpan<byte> run)
    {
        int taken = run.Length;
        if (this.Decoding)
        {
            taken = Math.Min(run.Length, PendingCharacters - this.pendingCount);
            run[..taken].CopyTo(this.pending.AsSpan(this.pendingCount));
            this.pendingCount += taken;
        }

        this.characters += taken;
        this.blank = false;
        return taken;
    }

    /// <summary>One character of the string other than a base64 letter or digit (raw ASCII or unescaped).</summary>
    void Character(char c)
    {
        this.characters++;
        this.blank &= char.IsWhiteSpace(c);
        if (c is ' ' or '\t' or '\r' or '\n' || !this.Decoding)
        {
            return; // the white space base64 ignores
        }

        if (c == '=' || (c < 0x80 && Alphabet.Contains((byte)c)))
        {
            // Room is kept: Consume decodes before taking more once the pending characters are full.
            this.pending[this.pendingCount++] = (byte)c;
        }
        else
        {
            this.invalid = true;
        }
    }

    /// <summary>An escape at the start of <paramref name="rest"/>: returns the bytes it takes, or stops.</summary>
    int Escape(ReadOnlySpan<byte> rest, bool final, out ContentStep? stop)
    {
        stop = null;
        if (rest.Length < 2)
        {
            stop = final ? this.Malformed(rest.ToArray(), unterminated: true) : ContentStep.NeedInput;
            return 0;
        }

        char? simple = rest[1] switch
        {
            (byte)'"' => '"',
            (byte)'\\' => '\\',
            (byte)'/' => '/',
            (byte)'b' => '\b',
            (byte)'f' => '\f',
            (byte)'n' => '\n',
            (byte)'r' => '\r',
            (byte)'t' => '\t',
            _ => null,
        };
        if (simple is char c)
        {
            this.Character(c);
            return 2;
        }

        if (rest[1] != (byte)'u')
        {
            stop = this.Malformed(rest[..2].ToArray(), unterminated: false);
            return 0;
        }

        if (!this.Hex(rest, final, out int value, out stop))
        {
            return 0;
        }

        char unit = (char)value;
        if (char.IsHighSurrogate(unit))
        {
            // A pair is two escapes in a row; anything else leaves a lone surrogate the serializer cannot read.
            if (rest.Length < 12 && !final)
            {
                stop = ContentStep.NeedInput;
                return 0;
            }

            if (rest.Length >= 12 && rest[6] == (byte)'\\' && rest[7] == (byte)'u' && TryParseHex(rest.Slice(8, 4), out int low) && char.IsLowSurrogate((char)low))
            {
                this.characters += 2;
                this.blank = false;
                this.invalid = true;
                return 12;
            }

            this.Untranscodable(rest[..6]);
            return 6;
        }

        if (char.IsLowSurrogate(unit))
        {
            this.Untranscodable(rest[..6]);
            return 6;
        }

        this.Character(unit);
        return 6;
    }

    /// <summary>The four hex digits of a <c>\u</c> escape at the start of <paramref name="escape"/>.</summary>
    bool Hex(ReadOnlySpan<byte> escape, bool final, out int value, out ContentStep? stop)
    {
        value = 0;
        stop = null;
        for (int k = 2; k < 6; k++)
        {
            if (k >= escape.Length)
            {
                stop = final ? this.Malformed(escape.ToArray(), unterminated: true) : ContentStep.NeedInput;
                return false;
            }

            int digit = HexDigit(escape[k]);
            if (digit < 0)
            {
                stop = this.Malformed(escape[..(k + 1)].ToArray(), unterminated: false);
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    static bool TryParseHex(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (byte b in digits)
        {
            int digit = HexDigit(b);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>Decodes the gathered characters but the last 1 to 4 (the last quantum may carry padding), as far as the block has room.</summary>
    void DecodePending()
    {
        int quanta = Math.Min((this.pendingCount - 1) / 4, (this.blockBytes + 3 - this.BlockCount) / 3);
        int count = quanta * 4;
        ReadOnlySpan<byte> chars = this.pending.AsSpan(0, count);
        if (chars.Contains((byte)'='))
        {
            // Padding before the end: not base64.
            this.invalid = true;
            this.pendingCount = 0;
            return;
        }

        OperationStatus status = Base64.DecodeFromUtf8(chars, this.block.AsSpan(this.BlockCount), out int used, out int written, isFinalBlock: true);
        Debug.Assert(status == OperationStatus.Done && used == count, "Whole quanta of the alphabet always decode.");
        this.Decoded(this.block.AsSpan(this.BlockCount, written), inBlock: true);
        this.pending.AsSpan(count, this.pendingCount - count).CopyTo(this.pending);
        this.pendingCount -= count;
    }

    /// <summary>Decoded bytes (decoded into the block after its content, or to be copied there): counted, hashed, kept or dropped.</summary>
    void Decoded(ReadOnlySpan<byte> bytes, bool inBlock)
    {
        if (this.headCount < this.head.Length)
        {
            int take = Math.Min(bytes.Length, this.head.Length - this.headCount);
            bytes[..take].CopyTo(this.head.AsSpan(this.headCount));
            this.headCount += take;
        }

        this.length += bytes.Length;
        if (!this.Keeping)
        {
            return; // still decoded to the end, since whether it is base64 decides the message, but not kept
        }

        this.hash.AppendData(bytes);
        if (!inBlock)
        {
            bytes.CopyTo(this.block.AsSpan(this.BlockCount));
        }

        this.BlockCount += bytes.Length;
    }

    void Untranscodable(ReadOnlySpan<byte> bytes)
    {
        this.untranscodable ??= bytes.ToArray();
        this.characters++;
        this.blank = false;
        this.invalid = true;
    }

    ContentStep Malformed(byte[] offending, bool unterminated)
    {
        this.Offending = offending;
        this.Unterminated = unterminated;
        return ContentStep.Malformed;
    }
}
