namespace Workflow.Application.Ports;

/// <summary>
/// Which applications name a worker, by the worker's key (<see cref="Orchestrations.Ports.PartyKeys.WorkerOf"/>: a keyed
/// fingerprint of their INSZ or BIS number, never the number): written when an application is registered, read when the
/// worker signs in to follow their own applications and to export what is held about them.
/// </summary>
public interface IWorkerApplications
{
    /// <summary>Records that <paramref name="applicationId"/> names the worker (safe to repeat).</summary>
    Task RecordAsync(string workerKey, string applicationId, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="applicationId"/> names the worker: a point read.</summary>
    Task<bool> NamesAsync(string workerKey, string applicationId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> of the worker's applications, in id order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string workerKey, int max, CancellationToken cancellationToken);
}
