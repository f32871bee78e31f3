using Azure.Data.Tables;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.Application.Access;
using Workflow.Application.Exclusions;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.Rules;

/// <summary>
/// The exclusion registry's table (Azurite's Table service) asked about many parties at once, as admissibility asks about
/// an employer and all its directors: the parties' index ranges go in as few queries as the service's filter allows,
/// and the answer is what asking about each party alone gave, in the order of the parties asked.
/// </summary>
public sealed class ExclusionRegistryTableTests
{
    static readonly Actor Proposer = new(Roles.Manager, "mgr-ann", "Ann Manager");
    static readonly Actor Confirmer = new(Roles.Manager, "mgr-bert", "Bert Manager");
    static readonly DateTimeOffset Proposed = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Nine_parties_asked_at_once_find_exactly_the_exclusions_in_force_against_them_in_the_order_asked()
    {
        PermitHost host = await SharedHost.GetAsync();
        var registry = new TableExclusionRegistry(new TableServiceClient(host.Storage.ConnectionString), new StorageNames(host.Options.Name));
        string run = Guid.NewGuid().ToString("N")[..8];
        string[] parties = [.. Enumerable.Range(1, 9).Select(i => PartyKeys.Employer($"{run}{i:D2}"))];

        // In force: the first and the last party asked (two queries apart: 7 parties fit in one). Proposed but never
        // confirmed: the fifth. In force, but against a party not asked about.
        await ExcludeAsync(registry, $"x-{run}-last", parties[8], confirmed: true);
        await ExcludeAsync(registry, $"x-{run}-first", parties[0], confirmed: true);
        await ExcludeAsync(registry, $"x-{run}-unconfirmed", parties[4], confirmed: false);
        await ExcludeAsync(registry, $"x-{run}-other", PartyKeys.Employer($"{run}99"), confirmed: true);

        DateTimeOffset asOf = Proposed.AddDays(10);
        IReadOnlyList<ExclusionInForce> found = await registry.FindInForceAsync(parties, asOf, CancellationToken.None);

        Assert.Equal([(parties[0], $"x-{run}-first"), (parties[8], $"x-{run}-last")], found.Select(e => (e.PartyKey, e.ExclusionId)));
        foreach (string party in parties)
        {
            Assert.Equal(
                found.Where(e => e.PartyKey == party).Select(e => e.ExclusionId),
                (await registry.FindInForceAsync([party], asOf, CancellationToken.None)).Select(e => e.ExclusionId));
        }

        Assert.Empty(await registry.FindInForceAsync([], asOf, CancellationToken.None));
        Assert.Empty(await registry.FindInForceAsync(parties, Proposed.AddDays(-1), CancellationToken.None)); // not yet in force
    }

    static async Task ExcludeAsync(TableExclusionRegistry registry, string exclusionId, string partyKey, bool confirmed)
    {
        var terms = new ExclusionTerms(DateOnly.FromDateTime(Proposed.UtcDateTime), null, "earlier-violations", $"decision-{exclusionId}");
        await registry.AppendAsync(new ExclusionProposed(exclusionId, ExcludedParty.Employer, partyKey, terms, Proposer, Proposed), CancellationToken.None);
        if (confirmed)
        {
            await registry.AppendAsync(new ExclusionConfirmed(exclusionId, Confirmer, Proposed.AddHours(1)), CancellationToken.None);
        }
    }
}
