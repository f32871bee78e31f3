namespace Workflow.UnitTests.Support;

/// <summary>A body that arrives in pieces of random sizes, as over a network, so every boundary gets crossed somewhere.</summary>
internal sealed class TricklingStream(byte[] content, Random random, int maxPiece) : Stream
{
    int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => content.Length;

    public override long Position { get => this.position; set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int count = Math.Min(Math.Min(buffer.Length, content.Length - this.position), random.Next(1, maxPiece + 1));
        content.AsMemory(this.position, count).CopyTo(buffer);
        this.position += count;
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
