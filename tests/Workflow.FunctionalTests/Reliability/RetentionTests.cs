using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Reliability;

/// <summary>
/// Retention: the timer job purges the orchestration history of finished applications, later deletes their dossiers
/// (the personal data), and keeps the audit log and case index (the government record). Running applications are left
/// alone. Periods of seconds here; days and years in production.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(new PermitHostOptions
    {
        Extra = new Dictionary<string, string?>
        {
            ["Retention:HistoryAfter"] = "00:00:02",
            ["Retention:DossierAfter"] = "00:00:04",
            ["Retention:Interval"] = "00:00:01",
        },
    });

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task History_then_dossier_of_a_closed_application_go_while_its_audit_log_stays_and_running_ones_are_untouched()
    {
        string closed = await this.host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
        string running = await this.host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
        await this.host.Api.WaitForStageAsync(closed, "awaiting-decision");
        await this.host.Api.WaitForStageAsync(running, "awaiting-decision");
        await this.host.Api.DecideAsync(closed, "approve");

        // Not the engine's completion: its history may be gone by the time anyone asks. The case index says "closed".
        await this.host.Api.WaitForStageAsync(closed, "closed");

        await Eventually.HoldsAsync(async () => await this.host.Engine.GetInstanceAsync(closed) is null, Scenario.StepTimeout, "the history to be purged");
        await Eventually.HoldsAsync(async () => await this.DossierItemsAsync(closed) == 0, Scenario.StepTimeout, "the dossier to be deleted");

        // The record stays: status, timeline and the deletion itself, from the case index and the audit log.
        var status = await this.host.Api.GetAsync(closed);
        Assert.Equal("closed", status["stage"]!.GetValue<string>());
        Assert.Equal("granted", status["decision"]!["outcome"]!.GetValue<string>());
        List<string> timeline = [.. status["timeline"]!.AsArray().Select(e => e!["event"]!.GetValue<string>())];
        Assert.Contains("decided", timeline);
        Assert.Equal(1, timeline.Count(e => e == "dossier-deleted"));
        using HttpResponseMessage letter = await this.host.Api.As(Roles.Caseworker).Http.GetAsync($"/api/applications/{closed}/letter");
        Assert.Equal(HttpStatusCode.NotFound, letter.StatusCode);

        // The running application keeps its history and its dossier.
        Assert.NotNull(await this.host.Engine.GetInstanceAsync(running));
        Assert.True(await this.DossierItemsAsync(running) > 0);
        await Scenario.EndAsync(this.host, running);
    }

    async Task<int> DossierItemsAsync(string applicationId)
    {
        var container = new BlobContainerClient(this.host.Storage.ConnectionString, $"{this.host.Options.Name}-dossiers");
        int count = 0;
        await foreach (var _ in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{applicationId}/", CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}
