using Azure.Data.Tables;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.CaseRecord;

/// <summary>The case record's tables on the shared host's Azurite, and cases of their own to write there.</summary>
internal static class CaseRows
{
    public static readonly DateTimeOffset SubmittedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static async Task<(TableServiceClient Tables, StorageNames Names)> StorageAsync()
    {
        PermitHost host = await SharedHost.GetAsync();
        return (new TableServiceClient(host.Storage.ConnectionString), new StorageNames(host.Options.Name));
    }

    /// <summary>A case as submitted (a fresh application id unless given; <see cref="SubmittedAt"/> unless given), its clock a day a policy day.</summary>
    public static PermitCase Case(string? applicationId = null, DateTimeOffset? submittedAt = null, PermitCategory category = PermitCategory.HighlySkilled)
    {
        applicationId ??= "wp-caserows" + Guid.NewGuid().ToString("N")[..12];
        DateTimeOffset at = submittedAt ?? SubmittedAt;
        var submission = new SubmissionRecord(applicationId, "applicant", applicationId, "hash", category, at, 20000, "EUR", Scheduled: true, ReservedAt: at);
        return CommandGate.AsSubmitted(submission, PolicyCatalog.Embedded, TimeSpan.FromDays(1));
    }

    /// <summary>The revisions of the case's rows on the worklist (one at most when the index is right).</summary>
    public static async Task<List<int>> WorklistRevisionsAsync(TableCaseIndex index, string applicationId)
    {
        var revisions = new List<int>();
        string? continuation = null;
        do
        {
            CasePage page = await index.ListWorklistAsync(100, continuation, CancellationToken.None);
            revisions.AddRange(page.Cases.Where(c => c.ApplicationId == applicationId).Select(c => c.Revision));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        return revisions;
    }

    public static async Task<RecordedCase> FactsOfAsync(TableCaseFacts facts, string applicationId) =>
        (await facts.ListAsync(CancellationToken.None)).Single(c => c.Case.ApplicationId == applicationId);
}
