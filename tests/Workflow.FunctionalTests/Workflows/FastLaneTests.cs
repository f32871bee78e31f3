using System.Net;
using System.Text.Json.Nodes;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>
/// On a host of its own at ten seconds per policy day: "decided in time" must hold however loaded the machine is (at
/// one second per day the first reminder, day 10, comes within ten seconds). The test takes no longer for it: it
/// waits for the workflow's own steps, never for a timer.
/// </summary>
public sealed class FastLaneTests : IAsyncLifetime
{
    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(new PermitHostOptions { PolicyDay = TimeSpan.FromSeconds(10) });

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task A_fast_lane_application_decided_in_time_is_granted_and_raises_no_alert()
    {
        PermitHost host = this.host;
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);

        JsonNode waiting = await host.Api.GetAsync(applicationId);
        Assert.Equal("fast-lane", waiting["sla"]!["track"]!.GetValue<string>());
        Assert.Equal(15, waiting["sla"]!["dueDays"]!.GetValue<int>());
        Assert.Equal("on-track", waiting["sla"]!["state"]!.GetValue<string>());
        Assert.Contains("caseworker-decision", waiting["awaiting"]!.AsArray().Select(i => i!.GetValue<string>()));

        using HttpResponseMessage federal = await host.Api.FederalAsync(applicationId, handoffId!, "decision", "approved");
        Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
        await host.Api.DecideAsync(applicationId, "approve");

        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("granted", result["outcome"]!.GetValue<string>());

        JsonNode closed = await host.Api.GetAsync(applicationId);
        Assert.Equal("closed", closed["stage"]!.GetValue<string>());
        Assert.Equal("met", closed["sla"]!["state"]!.GetValue<string>());
        Assert.Equal("approved", closed["federalLeg"]!["status"]!.GetValue<string>());
        Assert.Empty(await host.Storage.OutboxAsync(applicationId));

        var notifications = await host.Storage.NotificationsAsync(applicationId);
        Assert.Equal(["employer", "worker"], notifications.Where(n => n.RowKey.Contains("decision", StringComparison.Ordinal)).Select(n => n.GetString("Party")).Order());

        Assert.Equal($"/api/applications/{applicationId}/letter", closed["decision"]!["letterUrl"]!.GetValue<string>());
        string letter = await host.Api.AsEmployerOf(applicationId).LetterTextAsync(applicationId);
        Assert.Contains("Beslissing: TOEGEKEND", letter, StringComparison.Ordinal);
        Assert.Contains("Decision: GRANTED", letter, StringComparison.Ordinal);
        Assert.Contains("Your Future in Flanders", letter, StringComparison.Ordinal);

        List<string> timeline = await Scenario.TimelineAsync(host, applicationId);
        Assert.Equal(1, timeline.Count(e => e == "caseworker-decided"));
        Assert.Equal(1, timeline.Count(e => e == "federal-decided"));
        Assert.Equal("closed", timeline[^1]);
    }
}
