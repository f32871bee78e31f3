using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Ports;

/// <summary>
/// A document of the dossier opened for reading: its record and its content as a stream, read from storage as the
/// reader consumes it (never buffered whole). Whoever opens it disposes it.
/// </summary>
public sealed class DossierDocument(StoredDocument record, Stream content) : IAsyncDisposable, IDisposable
{
    public StoredDocument Record { get; } = record ?? throw new ArgumentNullException(nameof(record));

    public Stream Content { get; } = content ?? throw new ArgumentNullException(nameof(content));

    public ValueTask DisposeAsync() => this.Content.DisposeAsync();

    public void Dispose() => this.Content.Dispose();
}
