using Workflow.Application.Ports;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Functions.Tests.Support;

/// <summary>Stages document contents in memory and saves them through the (in-memory) dossier store.</summary>
internal sealed class InMemoryDocumentStaging(IDossierStore dossiers) : IDocumentStaging
{
    public IStagedDocumentUpload BeginUpload(int holdBytes) => new Upload(dossiers);

    public Task<int> DiscardStaleAsync(DateTimeOffset stagedBefore, CancellationToken cancellationToken) => Task.FromResult(0);

    sealed class Upload(IDossierStore dossiers) : IStagedDocumentUpload
    {
        readonly MemoryStream content = new();

        public Task AppendAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
        {
            this.content.Write(block.Span);
            return Task.CompletedTask;
        }

        public Task SaveToDossierAsync(string applicationId, StoredDocument document, CancellationToken cancellationToken) =>
            dossiers.SaveDocumentAsync(applicationId, document, this.content.ToArray(), cancellationToken);

        public ValueTask DisposeAsync() => this.content.DisposeAsync();
    }
}
