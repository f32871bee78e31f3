namespace Workflow.UnitTests.Support;

/// <summary>A request body that counts what was read of it: a given start, then the fill byte up to the length.</summary>
internal sealed class CountingStream(byte[] start, long length, byte fill = (byte)' ') : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => this.BytesRead; set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int count = (int)Math.Min(buffer.Length, length - this.BytesRead);
        for (int i = 0; i < count; i++)
        {
            long at = this.BytesRead + i;
            buffer.Span[i] = at < start.Length ? start[at] : fill;
        }

        this.BytesRead += count;
        return ValueTask.FromResult(count);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The body is read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
