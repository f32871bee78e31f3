using System.Collections.Concurrent;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;

namespace Workflow.Functions.Tests.Support;

/// <summary>The authorisations register in memory, as the table keeps it: the first write of a grant stands; lists in application id order.</summary>
internal sealed class InMemoryAuthorisationRegister : IAuthorisationRegister
{
    readonly ConcurrentDictionary<string, (Authorisation Grant, IReadOnlyList<string> Directors)> grants = new(StringComparer.Ordinal);

    public Task RecordGrantAsync(Authorisation authorisation, IReadOnlyList<string> directorKeys, CancellationToken cancellationToken)
    {
        this.grants.TryAdd(authorisation.ApplicationId, (authorisation, directorKeys));
        return Task.CompletedTask;
    }

    public Task<Authorisation?> GetAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.grants.TryGetValue(applicationId, out var entry) ? entry.Grant : null);

    public Task<Authorisation?> MarkAsync(string applicationId, RegisterMark mark, CancellationToken cancellationToken)
    {
        while (this.grants.TryGetValue(applicationId, out var entry))
        {
            if (entry.Grant.Marked(mark) is not { } marked)
            {
                return Task.FromResult<Authorisation?>(entry.Grant);
            }

            if (this.grants.TryUpdate(applicationId, (marked, entry.Directors), entry))
            {
                return Task.FromResult<Authorisation?>(marked);
            }
        }

        return Task.FromResult<Authorisation?>(null);
    }

    public Task<AuthorisationPage> ListByEmployerAsync(string employer, int pageSize, string? continuation, CancellationToken cancellationToken) =>
        Task.FromResult(Page(this.grants.Values.Where(g => g.Grant.Employer == employer), pageSize, continuation));

    public Task<AuthorisationPage> ListByDirectorAsync(string directorKey, int pageSize, string? continuation, CancellationToken cancellationToken) =>
        Task.FromResult(Page(this.grants.Values.Where(g => g.Directors.Contains(directorKey)), pageSize, continuation));

    static AuthorisationPage Page(IEnumerable<(Authorisation Grant, IReadOnlyList<string> Directors)> entries, int pageSize, string? after)
    {
        Authorisation[] ordered = [.. entries.Select(e => e.Grant)
            .Where(g => after is null || string.CompareOrdinal(g.ApplicationId, after) > 0)
            .OrderBy(g => g.ApplicationId, StringComparer.Ordinal)];
        Authorisation[] page = [.. ordered.Take(pageSize)];
        return new AuthorisationPage(page, ordered.Length > pageSize ? page[^1].ApplicationId : null);
    }
}
