using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Ports;

/// <summary>The audit log, kept apart from orchestration history (which is purged for privacy). Appends are idempotent on the entry key.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Appends the entries of one application together (a store may write them in one request); each key's first write wins.</summary>
    async Task AppendAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (AuditEntry entry in entries)
        {
            await this.AppendAsync(entry, cancellationToken);
        }
    }

    /// <summary>The entries of one application, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string applicationId, CancellationToken cancellationToken);
}
