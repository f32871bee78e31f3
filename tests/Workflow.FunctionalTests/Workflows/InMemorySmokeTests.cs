using System.Text.Json.Nodes;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>The --in-memory engine is a smoke mode (slow, keeps nothing); this only checks that a workflow runs on it.</summary>
public sealed class InMemorySmokeTests : IAsyncLifetime
{
    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(new PermitHostOptions { InMemoryEngine = true });

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task A_work_card_runs_to_its_decision_on_the_in_memory_engine()
    {
        string applicationId = await this.host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
        await this.host.Api.WaitForStageAsync(applicationId, "awaiting-decision", Scenario.StepTimeout);
        await this.host.Api.DecideAsync(applicationId, "approve");
        JsonNode result = await Scenario.CompletedAsync(this.host, applicationId, Scenario.StepTimeout);
        Assert.Equal("granted", result["outcome"]!.GetValue<string>());
    }
}
