using System.Collections.Concurrent;
using Workflow.Application.Ports;

namespace Workflow.Functions.Tests.Support;

/// <summary>A worker's applications in memory, as the table keeps them: one entry per worker key and application.</summary>
internal sealed class InMemoryWorkerApplications : IWorkerApplications
{
    readonly ConcurrentDictionary<(string Worker, string Application), byte> entries = new();

    public Task RecordAsync(string workerKey, string applicationId, CancellationToken cancellationToken)
    {
        this.entries[(workerKey, applicationId)] = 0;
        return Task.CompletedTask;
    }

    public Task<bool> NamesAsync(string workerKey, string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.entries.ContainsKey((workerKey, applicationId)));

    public Task<IReadOnlyList<string>> ListAsync(string workerKey, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. this.entries.Keys.Where(k => k.Worker == workerKey).Select(k => k.Application).Order(StringComparer.Ordinal).Take(max)]);
}
