using Microsoft.AspNetCore.Http;

namespace Workflow.Application.Http;

/// <summary>
/// A request body read through a limit: reading past <c>limit</c> bytes throws <see cref="TooLargeException"/>,
/// whatever the Content-Length said, so a body over the limit is refused as it streams in, never buffered first.
/// </summary>
internal sealed class BoundedBodyStream(Stream inner, long limit) : Stream
{
    long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => this.read; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // One byte more than the limit is asked for at most, so a body of exactly the limit ends cleanly.
        int count = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - this.read + 1)], cancellationToken);
        this.read += count;
        return this.read > limit ? throw new TooLargeException() : count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Reads the rest of the body without keeping it; true when it goes over the limit.</summary>
    public async Task<bool> RunsOverAsync(CancellationToken cancellationToken)
    {
        byte[] discard = new byte[16 * 1024];
        try
        {
            while (await this.ReadAsync(discard, cancellationToken) > 0)
            {
            }

            return false;
        }
        catch (Exception e) when (e is TooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return true;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    internal sealed class TooLargeException : IOException;
}
