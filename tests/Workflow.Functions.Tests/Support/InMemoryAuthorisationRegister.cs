using System.Collections.Concurrent;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;

namespace Workflow.Functions.Tests.Support;

/// <summary>The authorisations register in memory, as the table keeps it: the first write of a grant stands; lists in application id order.</summary>
internal sealed class InMemoryAuthorisationRegister : IAuthorisationRegister
{
    readonly ConcurrentDictionary<string, (Authorisation Grant, IReadOnlyList<string> Directors)> grants = new(StringComparer.Ordinal);

    readonly ConcurrentDictionary<string, AuthorisationRenewal> renewals = new(StringComparer.Ordinal);

    public Task<AuthorisationRenewal> ClaimRenewalAsync(AuthorisationRenewal claim, CancellationToken cancellationToken) =>
        Task.FromResult(this.renewals.GetOrAdd(claim.RenewedApplicationId, claim));

    public Task<AuthorisationRenewal?> GetRenewalAsync(string renewedApplicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.renewals.TryGetValue(renewedApplicationId, out AuthorisationRenewal? renewal) ? renewal : null);

    public Task ReleaseRenewalAsync(string renewedApplicationId, string renewingApplicationId, CancellationToken cancellationToken)
    {
        if (this.renewals.TryGetValue(renewedApplicationId, out AuthorisationRenewal? held) && held is { State: RenewalState.Pending } && held.RenewingApplicationId == renewingApplicationId)
        {
            this.renewals.TryRemove(new KeyValuePair<string, AuthorisationRenewal>(renewedApplicationId, held));
        }

        return Task.CompletedTask;
    }

    public Task CompleteRenewalAsync(string renewedApplicationId, string renewingApplicationId, CancellationToken cancellationToken)
    {
        var renewed = new AuthorisationRenewal(renewedApplicationId, renewingApplicationId, RenewalState.Renewed, DateTimeOffset.UtcNow);
        this.renewals.AddOrUpdate(
            renewedApplicationId,
            renewed,
            (_, held) => held.RenewingApplicationId == renewingApplicationId ? held with { State = RenewalState.Renewed } : held);
        return Task.CompletedTask;
    }

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
