using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Adapters.Storage;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.Dashboard;

/// <summary>
/// Applications recorded before the dashboard's projection existed reach it from the case index: on a host of its
/// own, the pass at start leaves its marker; an application whose projection row is gone gets it back, with its
/// assessment from the dossier, and another pass changes nothing.
/// </summary>
public sealed class ProjectionBackfillTests : IAsyncLifetime
{
    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync();

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task A_case_missing_from_the_projection_is_filled_from_the_case_index_with_its_assessment()
    {
        PermitHost host = this.host;
        CaseFactsBackfill backfill = host.Services.GetRequiredService<CaseFactsBackfill>();
        ICaseFacts projection = host.Services.GetRequiredService<ICaseFacts>();
        TableClient table = host.Storage.Table("CaseFacts");

        // The pass at start found an empty case index and left its marker: starting again does nothing.
        await Eventually.HoldsAsync(async () => (await table.GetEntityIfExistsAsync<TableEntity>("backfill", "done-2")).HasValue, Scenario.StepTimeout, "the start's pass to finish");
        Assert.Null(await backfill.RunOnceAsync(CancellationToken.None));

        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);
        try
        {
            RecordedCase written = await Eventually.ReturnsAsync(
                async () => (await projection.ListAsync(CancellationToken.None)).SingleOrDefault(r => r.Case.ApplicationId == applicationId && r.Case.Stage == Stage.AwaitingDecision && r.Assessment is not null),
                Scenario.StepTimeout,
                "the workflow's projection row");

            // As if it had been recorded before the projection existed.
            await table.DeleteEntityAsync("case", applicationId, ETag.All);
            await table.DeleteEntityAsync("backfill", "done-2", ETag.All);
            Assert.DoesNotContain(await projection.ListAsync(CancellationToken.None), r => r.Case.ApplicationId == applicationId);

            Assert.Equal(1, await backfill.RunOnceAsync(CancellationToken.None));
            RecordedCase filled = Assert.Single(await projection.ListAsync(CancellationToken.None), r => r.Case.ApplicationId == applicationId);
            Assert.True(filled.Case.Revision >= written.Case.Revision);
            Assert.Equal((written.Case.Category, written.Case.CompleteAt, written.Case.FederalHandedOffAt), (filled.Case.Category, filled.Case.CompleteAt, filled.Case.FederalHandedOffAt));
            Assert.Equal((written.Assessment!.SalaryBand, written.Assessment.SalaryReferenceYear), (filled.Assessment?.SalaryBand, filled.Assessment?.SalaryReferenceYear));
            Assert.Equal(written.Assessment.Signals, filled.Assessment!.Signals);
            Assert.Null(await backfill.RunOnceAsync(CancellationToken.None));
            Assert.Contains(await projection.ListOpenAsync(CancellationToken.None), r => r.Case.ApplicationId == applicationId);

            // A row written before the filter columns existed (facts and revision only) is invisible to the filtered
            // reads until the pass writes it again, with its columns.
            TableEntity old = (await table.GetEntityAsync<TableEntity>("case", applicationId)).Value;
            await table.UpsertEntityAsync(new TableEntity("case", applicationId) { ["Revision"] = old["Revision"], ["Facts"] = old["Facts"] }, TableUpdateMode.Replace);
            Assert.DoesNotContain(await projection.ListOpenAsync(CancellationToken.None), r => r.Case.ApplicationId == applicationId);
            await table.DeleteEntityAsync("backfill", "done-2", ETag.All);
            Assert.Equal(1, await backfill.RunOnceAsync(CancellationToken.None));
            Assert.Contains(await projection.ListOpenAsync(CancellationToken.None), r => r.Case.ApplicationId == applicationId);
            string month = filled.Case.SubmittedMonth;
            Assert.Contains(await projection.ListMonthsAsync(month, month, CancellationToken.None), r => r.Case.ApplicationId == applicationId);
            Assert.DoesNotContain(await projection.ListMonthsAsync("2001-01", "2001-12", CancellationToken.None), r => r.Case.ApplicationId == applicationId);
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }
}
