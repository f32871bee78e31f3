using System.Collections.Concurrent;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Domain;

namespace Workflow.UnitTests.Support;

/// <summary>Stages in memory and records what happened: the blocks, what was saved where, and what was discarded.</summary>
internal sealed class RecordingDocumentStaging : IDocumentStaging
{
    readonly ConcurrentBag<Upload> uploads = [];

    public IReadOnlyCollection<Upload> Uploads => this.uploads;

    /// <summary>The bytes saved into dossiers, by application id and document hash.</summary>
    public ConcurrentDictionary<(string ApplicationId, string Sha256), byte[]> Saved { get; } = new();

    public IStagedDocumentUpload BeginUpload(int holdBytes)
    {
        var upload = new Upload(this) { HoldBytes = holdBytes };
        this.uploads.Add(upload);
        return upload;
    }

    public Task<int> DiscardStaleAsync(DateTimeOffset stagedBefore, CancellationToken cancellationToken) => Task.FromResult(0);

    internal sealed class Upload(RecordingDocumentStaging staging) : IStagedDocumentUpload
    {
        readonly MemoryStream content = new();

        public List<int> BlockSizes { get; } = [];

        /// <summary>What the request let this upload hold instead of staging.</summary>
        public int HoldBytes { get; init; }

        public bool Disposed { get; private set; }

        public Task AppendAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
        {
            Assert.False(this.Disposed);
            this.BlockSizes.Add(block.Length);
            this.content.Write(block.Span);
            return Task.CompletedTask;
        }

        public Task SaveToDossierAsync(string applicationId, StoredDocument document, CancellationToken cancellationToken)
        {
            Assert.False(this.Disposed);
            staging.Saved.TryAdd((applicationId, document.Sha256), this.content.ToArray());
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            this.Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
