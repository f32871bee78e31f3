using System.Text.Json.Nodes;
using Workflow.Adapters.Simulated;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>The simulated federal office answers over the federal-decisions queue, deterministically for its seed.</summary>
public sealed class SimulatedFederalOfficeTests : IAsyncLifetime
{
    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(new PermitHostOptions
    {
        FederalOffice = "Simulated",
        Extra = new Dictionary<string, string?> { ["FederalOffice:Seed"] = "44" },
    });

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task The_federal_callbacks_arrive_as_planned_for_the_seed_and_resume_the_workflow()
    {
        string applicationId = await this.host.Api.SubmitAsync(Samples.Load(Samples.HighlySkilled));
        await this.host.Api.PayAsync(applicationId);
        JsonNode waiting = await this.host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        string handoffId = waiting["federalLeg"]!["handoffId"]!.GetValue<string>();
        DateTimeOffset handedOff = Scenario.Time(waiting["federalLeg"]!["handedOffAt"]);

        var plan = SimulatedFederalOffice.Plan(new FederalOfficeSettings { Seed = 44 }, handoffId);
        (double decideAfterDays, var decision) = plan[^1];
        await this.host.Api.DecideAsync(applicationId, "approve");

        JsonNode result = await Scenario.CompletedAsync(this.host, applicationId, Scenario.StepTimeout);
        Assert.Equal(decision.Decision == FederalVerdict.Approved ? "granted" : "refused", result["outcome"]!.GetValue<string>());

        JsonNode status = await this.host.Api.GetAsync(applicationId);
        List<string> timeline = [.. status["timeline"]!.AsArray().Select(e => e!["event"]!.GetValue<string>())];
        Assert.Contains("federal-acknowledged", timeline);
        Assert.Equal(plan.Any(p => p.Message.Kind == Orchestrations.Contracts.FederalInboundKind.InformationRequest), timeline.Contains("federal-information-requested"));

        // The decision came when planned, never before (tolerance: 0.1 days of clock rounding); after it by the queue hops.
        Assert.True(
            (Scenario.Time(status["federalLeg"]!["answeredAt"]) - handedOff).TotalDays >= decideAfterDays - 0.1,
            $"the federal decision came before its planned {decideAfterDays:0.00} days");
    }
}
