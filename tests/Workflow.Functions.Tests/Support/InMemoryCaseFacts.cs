using System.Collections.Concurrent;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Ports;

namespace Workflow.Functions.Tests.Support;

/// <summary>The KPI projection in memory, as the table keeps it: the latest record of each case (RecordOrder), and its assessment whenever it came.</summary>
internal sealed class InMemoryCaseFacts : ICaseFacts
{
    readonly ConcurrentDictionary<string, CaseFacts> cases = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, AssessmentFacts> assessments = new(StringComparer.Ordinal);

    public Task RecordAsync(CaseFacts facts, CancellationToken cancellationToken)
    {
        this.cases.AddOrUpdate(facts.ApplicationId, facts, (_, stored) => stored.Order >= facts.Order ? stored : facts);
        return Task.CompletedTask;
    }

    public Task RecordAssessmentAsync(string applicationId, AssessmentFacts assessment, CancellationToken cancellationToken)
    {
        this.assessments[applicationId] = assessment;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecordedCase>> ListAsync(CancellationToken cancellationToken) => this.Where(_ => true);

    public Task<IReadOnlyList<RecordedCase>> ListOpenAsync(CancellationToken cancellationToken) => this.Where(c => c.IsOpen);

    public Task<IReadOnlyList<RecordedCase>> ListMonthsAsync(string fromMonth, string toMonth, CancellationToken cancellationToken)
    {
        bool In(string month) => string.CompareOrdinal(month, fromMonth) >= 0 && string.CompareOrdinal(month, toMonth) <= 0;
        return this.Where(c => In(c.SubmittedMonth) || (c.DecidedMonth is string decided && In(decided)));
    }

    Task<IReadOnlyList<RecordedCase>> Where(Func<CaseFacts, bool> keep) =>
        Task.FromResult<IReadOnlyList<RecordedCase>>([.. this.cases.Values.Where(keep).Select(c => new RecordedCase(c, this.assessments.GetValueOrDefault(c.ApplicationId)))]);
}
