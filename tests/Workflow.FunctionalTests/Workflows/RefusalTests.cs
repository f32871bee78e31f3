using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

public sealed class RefusalTests
{
    [Fact]
    public async Task A_federal_refusal_refuses_the_single_permit_and_closes_the_caseworker_task()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.Other);

        using HttpResponseMessage federal = await host.Api.FederalAsync(applicationId, handoffId!, "decision", "refused");
        Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);

        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("refused", result["outcome"]!.GetValue<string>());
        Assert.Equal(["residence-refused"], result["grounds"]!.AsArray().Select(g => g!.GetValue<string>()));

        JsonNode status = await host.Api.GetAsync(applicationId);
        Assert.Equal("refused", status["federalLeg"]!["status"]!.GetValue<string>());
        Assert.Equal("§2.4", status["decision"]!["grounds"]![0]!["section"]!.GetValue<string>());
        Assert.DoesNotContain(await host.Api.WorklistAsync(), item => item.GetProperty("applicationId").GetString() == applicationId);

        // A caseworker decision after the fact is refused by the API: no decision is open any more.
        using HttpResponseMessage late = await host.Api.As(Roles.Caseworker).PostJsonAsync(
            $"/api/applications/{applicationId}/decision",
            new JsonObject { ["decisionId"] = "late-1", ["verdict"] = "approve", ["grounds"] = new JsonArray(), ["motivation"] = "Too late." });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task A_Flemish_refusal_cancels_the_federal_leg_and_a_later_federal_answer_is_recorded_as_late()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.MinisterOfReligion);

        await host.Api.DecideAsync(applicationId, "refuse", "category-conditions-not-met");

        JsonElement cancellation = await host.FederalOffice.WaitForAsync(applicationId, "cancellation", Scenario.StepTimeout);
        Assert.Equal(handoffId, cancellation.GetProperty("handoffId").GetString());

        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("refused", result["outcome"]!.GetValue<string>());
        Assert.Equal(["category-conditions-not-met"], result["grounds"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("cancelled", (await host.Api.GetAsync(applicationId))["federalLeg"]!["status"]!.GetValue<string>());

        using HttpResponseMessage federal = await host.Api.FederalAsync(applicationId, handoffId!, "decision", "approved");
        Assert.Equal(HttpStatusCode.OK, federal.StatusCode);
        JsonElement handling = await federal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("recorded-late", handling.GetProperty("handling").GetString());

        List<string> timeline = await Scenario.TimelineAsync(host, applicationId);
        Assert.Contains("federal-leg-cancelled", timeline);
        Assert.Contains("federal-decision-late", timeline);
        Assert.DoesNotContain("federal-decided", timeline);

        string letter = await host.Api.AsEmployerOf(applicationId).LetterTextAsync(applicationId);
        Assert.Contains("Beslissing: GEWEIGERD", letter, StringComparison.Ordinal);
        Assert.Contains("Decision: REFUSED", letter, StringComparison.Ordinal);
        Assert.Contains("De voorwaarden van de categorie zijn niet vervuld. (§2.2, §2.3, §2.7, category-conditions-not-met)", letter, StringComparison.Ordinal);
        Assert.Contains("The conditions of the category are not met. (§2.2, §2.3, §2.7, category-conditions-not-met)", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Your Future in Flanders", letter, StringComparison.Ordinal);
    }
}
