using Microsoft.Extensions.Caching.Memory;

namespace Workflow.Application.Access;

/// <summary>
/// Who submitted each application, remembered by this process so that an employer's every call does not read the
/// submission ledger again. Safe to remember without expiry, across hosts and even after the record is deleted: an
/// application id is derived from the applicant key and the submission id (SHA-256), so an id's applicant can never
/// change. Only what the ledger holds is remembered (an unknown id is read each time, so probing ids fills nothing),
/// and at most <see cref="Capacity"/> applications: past that the cache drops some and they are read again.
/// </summary>
public sealed class ApplicationOwners : IDisposable
{
    /// <summary>About 100 bytes an entry: a few MiB at most.</summary>
    public const int Capacity = 20_000;

    static readonly MemoryCacheEntryOptions OneEntry = new() { Size = 1 };

    readonly MemoryCache known = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public void Remember(string applicationId, string applicantKey) => this.known.Set(applicationId, applicantKey, OneEntry);

    public string? Recall(string applicationId) => this.known.TryGetValue(applicationId, out string? applicantKey) ? applicantKey : null;

    public void Dispose() => this.known.Dispose();
}
