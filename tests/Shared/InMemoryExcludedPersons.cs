using System.Collections.Concurrent;
using Workflow.Application.Ports;

namespace Workflow.Tests.Shared;

/// <summary>Excluded directors' numbers in memory (the Blob adapter's contract: the first record of an exclusion stays).</summary>
internal sealed class InMemoryExcludedPersons : IExcludedPersons
{
    readonly ConcurrentDictionary<string, ExcludedPerson> persons = new(StringComparer.Ordinal);

    public Task SaveAsync(ExcludedPerson person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        this.persons.TryAdd(person.ExclusionId, person);
        return Task.CompletedTask;
    }

    public Task<ExcludedPerson?> GetAsync(string exclusionId, CancellationToken cancellationToken) =>
        Task.FromResult(this.persons.TryGetValue(exclusionId, out ExcludedPerson? person) ? person : null);
}
