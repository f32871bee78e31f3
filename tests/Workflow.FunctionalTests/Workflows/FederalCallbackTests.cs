using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.Workflows;

public sealed class FederalCallbackTests
{
    [Fact]
    public async Task The_same_federal_decision_three_times_makes_one_decision()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);
        await host.Api.DecideAsync(applicationId, "approve");
        await host.Api.WaitForStageAsync(applicationId, "awaiting-federal-decision");

        string messageId = $"{handoffId}:decision";
        string decision = new JsonObject
        {
            ["messageId"] = messageId,
            ["kind"] = "decision",
            ["applicationId"] = applicationId,
            ["handoffId"] = handoffId,
            ["decision"] = "approved",
            ["reasonCodes"] = new JsonArray(),
        }.ToJsonString();

        // Once through the webhook and twice through the queue, as an at-least-once broker may deliver it.
        using HttpResponseMessage first = await host.Api.PostFederalAsync(decision);
        Assert.True(first.IsSuccessStatusCode);
        await host.Storage.SendAsync("federal-decisions", decision);
        await host.Storage.SendAsync("federal-decisions", decision);

        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("granted", result["outcome"]!.GetValue<string>());

        // The message is recorded on receipt once; the two redeliveries are answered from its record and counted there.
        await Eventually.HoldsAsync(
            async () => (await host.Api.CommandsAsync(applicationId)).AsArray()
                .Any(c => c!["command"]!["commandId"]!.GetValue<string>() == messageId && c["repeats"]!.GetValue<int>() == 2),
            Scenario.StepTimeout,
            "the two redeliveries to be counted on the message's record");
        List<string> timeline = await Scenario.TimelineAsync(host, applicationId);
        Assert.Equal(1, timeline.Count(e => e == "federal-decision-received"));
        Assert.Equal(1, timeline.Count(e => e == "federal-decided"));
        Assert.Equal(1, timeline.Count(e => e == "decided"));
        Assert.Equal(2, (await host.Storage.NotificationsAsync(applicationId)).Count(n => n.RowKey.Contains("decision", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_decision_for_an_unknown_application_goes_to_the_poison_queue_with_its_reason()
    {
        PermitHost host = await SharedHost.GetAsync();
        string unknown = ApplicationIds.Derive("0000000097", Guid.NewGuid().ToString("N"));
        string messageId = "unknown-" + Guid.NewGuid().ToString("N")[..12];
        string decision = new JsonObject
        {
            ["messageId"] = messageId,
            ["kind"] = "decision",
            ["applicationId"] = unknown,
            ["handoffId"] = unknown + "-h1",
            ["decision"] = "approved",
        }.ToJsonString();

        await host.Storage.SendAsync("federal-decisions", decision);
        JsonElement poisoned = await PoisonedAsync(host, messageId);
        Assert.Contains("No application", poisoned.GetProperty("reason").GetString(), StringComparison.Ordinal);

        using HttpResponseMessage webhook = await host.Api.PostFederalAsync(decision);
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
        Assert.Equal(404, (await ApiClient.ProblemAsync(webhook)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_malformed_federal_message_goes_to_the_poison_queue_with_its_reason()
    {
        PermitHost host = await SharedHost.GetAsync();
        string marker = "malformed-" + Guid.NewGuid().ToString("N")[..12];
        string malformed = $"{{\"messageId\":\"{marker}\",\"kind\":\"verdict\",";

        await host.Storage.SendAsync("federal-decisions", malformed);
        JsonElement poisoned = await PoisonedAsync(host, marker);
        Assert.Contains("not a federal message", poisoned.GetProperty("reason").GetString(), StringComparison.Ordinal);

        using HttpResponseMessage webhook = await host.Api.PostFederalAsync(malformed);
        Assert.Equal(HttpStatusCode.BadRequest, webhook.StatusCode);
        await ApiClient.ProblemAsync(webhook);
    }

    [Fact]
    public async Task An_unsigned_a_stale_or_a_forged_webhook_call_is_refused_and_changes_nothing()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.Other);
        try
        {
            string decision = new JsonObject
            {
                ["messageId"] = $"{handoffId}:forged",
                ["kind"] = "decision",
                ["applicationId"] = applicationId,
                ["handoffId"] = handoffId,
                ["decision"] = "refused",
            }.ToJsonString();

            using HttpResponseMessage unsigned = await host.Api.PostRawAsync("/api/federal/decisions", decision);
            using HttpResponseMessage stale = await host.Api.PostFederalAsync(decision, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));
            using HttpResponseMessage forged = await host.Api.PostFederalAsync(decision, secret: "an-attacker-guessing-the-shared-secret-0001");
            foreach (HttpResponseMessage refused in new[] { unsigned, stale, forged })
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                await ApiClient.ProblemAsync(refused);
            }

            JsonNode status = await host.Api.GetAsync(applicationId);
            Assert.Equal("awaiting-decision", status["stage"]!.GetValue<string>());
            Assert.DoesNotContain("federal-decision-received", status["timeline"]!.AsArray().Select(e => e!["event"]!.GetValue<string>()));
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    /// <summary>Waits for the poison-queue entry whose original body contains <paramref name="marker"/>.</summary>
    static async Task<JsonElement> PoisonedAsync(PermitHost host, string marker)
    {
        JsonElement[] found = await Eventually.ReturnsAsync(
            async () =>
            {
                JsonElement[] matches = [.. (await host.Storage.PeekAsync("federal-decisions-poison"))
                    .Where(m => m.GetProperty("body").GetString()!.Contains(marker, StringComparison.Ordinal))];
                return matches.Length > 0 ? matches : null;
            },
            Scenario.StepTimeout,
            $"a poison-queue entry for {marker}");
        return Assert.Single(found);
    }
}
