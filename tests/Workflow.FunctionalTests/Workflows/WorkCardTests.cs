using System.Net;
using System.Text.Json.Nodes;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

public sealed class WorkCardTests
{
    [Fact]
    public async Task A_work_card_runs_without_a_federal_leg_and_without_a_fee()
    {
        PermitHost host = await SharedHost.GetAsync();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));

        // Complete and exempt from the fee: straight to the caseworker, no payment asked.
        JsonNode waiting = await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        Assert.Equal("not-applicable", waiting["federalLeg"]!["status"]!.GetValue<string>());
        Assert.Empty(waiting["sla"]!["pauses"]!.AsArray());
        Assert.DoesNotContain("fee", waiting["awaiting"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Null(waiting["overallDeadline"]);

        using HttpResponseMessage payment = await host.Api.AsEmployerOf(applicationId).PostJsonAsync(
            $"/api/applications/{applicationId}/payments",
            new JsonObject { ["paymentId"] = "PAY-WC-1", ["amount"] = 200, ["currency"] = "EUR" });
        Assert.Equal(HttpStatusCode.Conflict, payment.StatusCode);
        Assert.Contains("No fee is due", (await ApiClient.ProblemAsync(payment)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await host.Api.DecideAsync(applicationId, "approve");
        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("granted", result["outcome"]!.GetValue<string>());

        List<string> timeline = await Scenario.TimelineAsync(host, applicationId);
        Assert.DoesNotContain("federal-handoff-sent", timeline);
        Assert.DoesNotContain("fee-paid", timeline);
        Assert.Empty(host.FederalOffice.MessagesFor(applicationId));
    }

    [Fact]
    public async Task A_professional_card_is_filed_by_the_self_employed_person_pays_the_fee_and_has_no_federal_leg()
    {
        PermitHost host = await SharedHost.GetAsync();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.ProfessionalCard));

        JsonNode unpaid = await host.Api.WaitForStageAsync(applicationId, "awaiting-applicant");
        Assert.Equal(["fee"], unpaid["awaiting"]!.AsArray().Select(i => i!.GetValue<string>()));

        await host.Api.PayAsync(applicationId);
        JsonNode waiting = await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        Assert.Equal("not-applicable", waiting["federalLeg"]!["status"]!.GetValue<string>());

        await host.Api.DecideAsync(applicationId, "approve");
        Assert.Equal("granted", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());

        // The applicant is the worker: one decision notification, to the worker.
        var decisions = (await host.Storage.NotificationsAsync(applicationId)).Where(n => n.RowKey.Contains("decision", StringComparison.Ordinal)).ToList();
        Assert.Single(decisions);
    }
}
