using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Rules;

/// <summary>
/// Third parties during the assessment: document authentication when there is doubt (§2.1, art. 63 BVR) and screening
/// advice on ministers of religion (§2.7). Waits with a deadline that do not pause the SLA clock.
/// </summary>
public sealed class ThirdPartyTests
{
    static JsonObject Authentication(string requestId, int deadlineDays) => new()
    {
        ["requestId"] = requestId,
        ["kind"] = "document-authentication",
        ["authority"] = "diplomatic-post",
        ["documentType"] = "diploma",
        ["deadlineDays"] = deadlineDays,
        ["question"] = "Was this master's diploma issued by the university named on it?",
    };

    [Fact]
    public async Task A_false_diploma_answer_supports_the_false_documents_ground_and_the_decision_waits_for_it()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);

        using HttpResponseMessage asked = await host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{applicationId}/third-party-requests", Authentication("AUTH-1", 20));
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        JsonNode waiting = await Eventually.ReturnsAsync(
            async () => await host.Api.GetAsync(applicationId) is { } s && s["awaiting"]!.AsArray().Any(i => i!.GetValue<string>() == "third-party:document-authentication") ? s : null,
            Scenario.StepTimeout,
            "the authentication request to be open");
        Assert.NotEqual("paused", waiting["sla"]!["state"]!.GetValue<string>()); // a third party does not pause the clock

        // While the authentication is open, the caseworker's decision waits for it.
        using HttpResponseMessage early = await host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{applicationId}/decision", new JsonObject
        {
            ["decisionId"] = "D-EARLY", ["verdict"] = "approve", ["grounds"] = new JsonArray(), ["motivation"] = "Looks fine.",
        });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        using HttpResponseMessage answered = await host.Api.As(Roles.Caseworker).PostJsonAsync(
            $"/api/applications/{applicationId}/third-party-requests/AUTH-1/answer",
            new JsonObject { ["answerId"] = "ANS-1", ["answer"] = "false", ["note"] = "The university has no record of this diploma." });
        Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);

        JsonNode view = await Eventually.ReturnsAsync(
            async () => JsonNode.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/overview")) is { } o
                && o["thirdParties"]!.AsArray().FirstOrDefault()?["request"]?["answer"] is not null ? o : null,
            Scenario.StepTimeout,
            "the answer in the overview");
        JsonNode thirdParty = Assert.Single(view["thirdParties"]!.AsArray())!;
        Assert.Equal("false", thirdParty["request"]!["answer"]!.GetValue<string>());
        Assert.Equal("false-documents", thirdParty["supportsGround"]!.GetValue<string>());
        Assert.Equal("The university has no record of this diploma.", thirdParty["answerNote"]!.GetValue<string>());

        await host.Api.DecideAsync(applicationId, "refuse", "false-documents");
        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal(["false-documents"], result["grounds"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("cancelled", (await host.Api.GetAsync(applicationId))["federalLeg"]!["status"]!.GetValue<string>());
        Assert.NotNull(handoffId);
    }

    [Fact]
    public async Task Approving_against_a_document_found_false_needs_an_override_reason_kept_in_the_dossier()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        ApiClient caseworker = host.Api.As(Roles.Caseworker);

        using (HttpResponseMessage asked = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/third-party-requests", Authentication("AUTH-O", 20)))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        await Eventually.HoldsAsync(async () => (await Scenario.TimelineAsync(host, applicationId)).Contains("third-party-requested"), Scenario.StepTimeout, "the request");
        using (HttpResponseMessage answered = await caseworker.PostJsonAsync(
            $"/api/applications/{applicationId}/third-party-requests/AUTH-O/answer", new JsonObject { ["answerId"] = "ANS-O", ["answer"] = "false" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        }

        await Eventually.HoldsAsync(async () => (await Scenario.TimelineAsync(host, applicationId)).Contains("third-party-answered"), Scenario.StepTimeout, "the answer");

        // Without a reason: 422, naming the answer and the field; nothing is recorded, so the id stays free.
        var approval = new JsonObject { ["decisionId"] = "D-OVR", ["verdict"] = "approve", ["grounds"] = new JsonArray(), ["motivation"] = "The employer showed the original." };
        using (HttpResponseMessage bare = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/decision", approval.DeepClone()))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bare.StatusCode);
            string detail = (await ApiClient.ProblemAsync(bare)).GetProperty("detail").GetString()!;
            Assert.Contains("AUTH-O", detail, StringComparison.Ordinal);
            Assert.Contains("overrideReason", detail, StringComparison.Ordinal);
        }

        Assert.DoesNotContain((await host.Api.CommandsAsync(applicationId)).AsArray(), c => c!["command"]!["kind"]!.GetValue<string>() == "decision");

        approval["overrideReason"] = "The diplomatic post confused two universities of the same name; the original was checked at the counter.";
        using (HttpResponseMessage overriding = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/decision", approval))
        {
            Assert.Equal(HttpStatusCode.Accepted, overriding.StatusCode);
        }

        Assert.Equal("granted", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());
        JsonNode decided = (await host.Api.GetAsync(applicationId))["timeline"]!.AsArray().Single(e => e!["event"]!.GetValue<string>() == "caseworker-decided")!;
        Assert.Equal("true", decided["details"]!["override"]!.GetValue<string>());

        var blobs = new BlobServiceClient(host.Storage.ConnectionString);
        var dossiers = new BlobDossierStore(blobs, new StorageNames(host.Options.Name));
        DecisionRecord record = (await dossiers.GetRecordAsync<DecisionRecord>(applicationId, "decisions/D-OVR.json", CancellationToken.None))!;
        Assert.Equal(approval["overrideReason"]!.GetValue<string>(), record.OverrideReason);
    }

    [Fact]
    public async Task An_unanswered_request_expires_at_its_deadline_and_the_caseworker_can_decide()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);

        using HttpResponseMessage asked = await host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{applicationId}/third-party-requests", Authentication("AUTH-X", 2));
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await Eventually.HoldsAsync(
            async () => (await Scenario.TimelineAsync(host, applicationId)).Contains("third-party-request-expired"),
            Scenario.StepTimeout,
            "the request to expire");

        await host.Api.DecideAsync(applicationId, "approve");
        Assert.Equal("granted", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Screening_advice_is_asked_for_ministers_of_religion_only()
    {
        PermitHost host = await SharedHost.GetAsync();
        var advice = new JsonObject { ["requestId"] = "SCR-1", ["kind"] = "screening-advice", ["authority"] = "information-and-screening-service", ["deadlineDays"] = 20 };

        (string minister, _) = await Scenario.AtCaseworkerAsync(host, Samples.MinisterOfReligion);
        (string workCard, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        try
        {
            using HttpResponseMessage forWorkCard = await host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{workCard}/third-party-requests", advice);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, forWorkCard.StatusCode);

            using HttpResponseMessage forMinister = await host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{minister}/third-party-requests", advice.DeepClone());
            Assert.Equal(HttpStatusCode.Accepted, forMinister.StatusCode);
            await Eventually.HoldsAsync(
                async () => (await Scenario.TimelineAsync(host, minister)).Contains("third-party-requested"),
                Scenario.StepTimeout,
                "the screening request to be sent");

            using HttpResponseMessage wrongAnswer = await host.Api.As(Roles.Caseworker).PostJsonAsync(
                $"/api/applications/{minister}/third-party-requests/SCR-1/answer", new JsonObject { ["answerId"] = "A-1", ["answer"] = "authentic" });
            Assert.Equal(HttpStatusCode.BadRequest, wrongAnswer.StatusCode);

            using HttpResponseMessage answer = await host.Api.As(Roles.Caseworker).PostJsonAsync(
                $"/api/applications/{minister}/third-party-requests/SCR-1/answer", new JsonObject { ["answerId"] = "A-2", ["answer"] = "favourable" });
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            await Eventually.HoldsAsync(
                async () => (await Scenario.TimelineAsync(host, minister)).Contains("third-party-answered"),
                Scenario.StepTimeout,
                "the advice to be recorded");
            List<TableRow> sent = [.. (await host.Storage.RowsAsync("ThirdPartyRequests", minister)).Select(r => new TableRow(r.RowKey, r.GetString("Authority")))];
            Assert.Equal([new TableRow("SCR-1", "information-and-screening-service")], sent);
        }
        finally
        {
            await Scenario.EndAsync(host, minister);
            await Scenario.EndAsync(host, workCard);
        }
    }

    sealed record TableRow(string RowKey, string Authority);
}
