using System.Text.Json.Nodes;
using Workflow.Adapters.Simulated;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Rules;

/// <summary>§2.1 data-driven fraud detection: scored, explained signals in the caseworker's overview, never a verdict.</summary>
public sealed class FraudSignalTests
{
    [Theory]
    [InlineData(SimulatedAuthenticSources.PatternEmployers.EconomicHub, "economic-hub", "economic-hub")]
    [InlineData(SimulatedAuthenticSources.PatternEmployers.NonEuWorkforce, "non-eu-workforce", "non-eu-workforce-only")]
    [InlineData(SimulatedAuthenticSources.PatternEmployers.UnderpaysAdmittedWorkers, "wages-not-paid-as-declared", "category-conditions-not-met")]
    public async Task An_employer_showing_a_fraud_pattern_gets_a_scored_explained_signal_and_the_caseworker_still_decides(string kbo, string signal, string ground)
    {
        PermitHost host = await SharedHost.GetAsync();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, s => s["employer"]!["kbo"] = kbo));
        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");

        JsonNode overview = JsonNode.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/overview"))!;
        JsonNode found = Assert.Single(overview["assessment"]!["signals"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == signal)!;
        Assert.InRange(found["score"]!.GetValue<int>(), 1, 100);
        Assert.Equal(ground, found["supportsGround"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(found["explanation"]!.GetValue<string>()));
        Assert.Contains(signal, (await host.Api.GetAsync(applicationId))["timeline"]!.AsArray()
            .Single(e => e!["event"]!.GetValue<string>() == "awaiting-decision")!["details"]!["signals"]!.GetValue<string>(), StringComparison.Ordinal);

        // A signal refuses nothing by itself: the application waits for the caseworker, who cites the ground if convinced.
        await host.Api.DecideAsync(applicationId, "refuse", ground);
        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("refused", result["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_clean_employer_raises_no_signal()
    {
        PermitHost host = await SharedHost.GetAsync();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
        try
        {
            await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
            JsonNode overview = JsonNode.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/overview"))!;
            Assert.Empty(overview["assessment"]!["signals"]!.AsArray());
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }
}
