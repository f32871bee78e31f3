using System.Collections.Concurrent;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Ports;

namespace Workflow.Functions.Tests.Support;

/// <summary>The KPI projection in memory: the latest revision of each case, and its assessment.</summary>
internal sealed class InMemoryCaseFacts : ICaseFacts
{
    readonly ConcurrentDictionary<string, RecordedCase> rows = new(StringComparer.Ordinal);

    public Task RecordAsync(CaseFacts facts, CancellationToken cancellationToken)
    {
        this.rows.AddOrUpdate(
            facts.ApplicationId,
            new RecordedCase(facts, null),
            (_, stored) => stored.Case.Revision >= facts.Revision ? stored : stored with { Case = facts });
        return Task.CompletedTask;
    }

    public Task RecordAssessmentAsync(string applicationId, AssessmentFacts assessment, CancellationToken cancellationToken)
    {
        this.rows.AddOrUpdate(applicationId, _ => throw new InvalidOperationException("Assessed before its case was recorded."), (_, stored) => stored with { Assessment = assessment });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecordedCase>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordedCase>>([.. this.rows.Values]);
}
