using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.CaseRecord;

/// <summary>
/// No party can grow a workflow without bound: repeats are answered at the edge from the command's record (no event,
/// no activity, no audit row), and past the policy's limits an application takes no more (409 with the reason).
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class BoundedHistoryTests
{
    const int Repeats = 2000;

    [Fact]
    public async Task The_same_payment_2000_times_leaves_history_timeline_and_status_as_one_did()
    {
        // A policy day of a minute: no milestone falls due while the repeats are sent, so the history can only grow by them.
        await using PermitHost host = await PermitHost.StartAsync(new PermitHostOptions { PolicyDay = TimeSpan.FromMinutes(1) });
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.HighlySkilled));
        ApiClient employer = host.Api.AsEmployerOf(applicationId);
        try
        {
            JsonNode started = await host.Api.StartPaymentAsync(applicationId, "PAY-ONCE");
            await host.Api.WaitForStageAsync(applicationId, "awaiting-applicant"); // the fee is not paid by starting it
            string checkout = started["details"]!["checkoutUrl"]!.GetValue<string>();
            using (HttpResponseMessage paid = await host.Api.Http.PostAsync(new Uri(checkout + "/pay", UriKind.Relative), null))
            {
                Assert.Equal(HttpStatusCode.Accepted, paid.StatusCode);
            }

            await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
            await QuietAsync(host, applicationId);
            int historyAfterOne = await host.Storage.HistoryRowsAsync(applicationId);
            string statusAfterOne = await employer.Http.GetStringAsync($"/api/applications/{applicationId}");
            double p95Before = await StatusP95Async(employer, applicationId);

            // The same payment start again and again, and the provider's confirmation again and again: each answered
            // from its record as a repeat (200), none raising anything.
            var body = new JsonObject { ["paymentId"] = "PAY-ONCE" };
            for (int i = 0; i < Repeats; i++)
            {
                using HttpResponseMessage again = await employer.PostJsonAsync($"/api/applications/{applicationId}/payments", body);
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }

            for (int i = 0; i < Repeats / 10; i++)
            {
                using HttpResponseMessage again = await host.Api.Http.PostAsync(new Uri(checkout + "/pay", UriKind.Relative), null);
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }

            Assert.Equal(historyAfterOne, await host.Storage.HistoryRowsAsync(applicationId));
            string statusAfterAll = await employer.Http.GetStringAsync($"/api/applications/{applicationId}");
            Assert.Equal(Timeline(statusAfterOne), Timeline(statusAfterAll));
            JsonNode record = (await host.Api.CommandsAsync(applicationId)).AsArray().Single(c => c!["command"]!["commandId"]!.GetValue<string>() == "PAY-ONCE")!;
            Assert.Equal(Repeats, record["repeats"]!.GetValue<int>());

            // Reading the status costs what it did (a generous floor of 20 ms for a loaded test machine's noise).
            double p95After = await StatusP95Async(employer, applicationId);
            Assert.True(p95After <= Math.Max(p95Before * 1.2, p95Before + 20), $"status p95 went from {p95Before:0.0} ms to {p95After:0.0} ms");
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task A_signed_federal_message_replayed_50_times_is_recorded_once_and_acted_on_once()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);
        await host.Api.DecideAsync(applicationId, "approve");
        await host.Api.WaitForStageAsync(applicationId, "awaiting-federal-decision");
        string messageId = $"{handoffId}:replayed";

        using (HttpResponseMessage first = await host.Api.FederalAsync(applicationId, handoffId!, "decision", "approved", messageId))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        string body = new JsonObject
        {
            ["messageId"] = messageId,
            ["kind"] = "decision",
            ["applicationId"] = applicationId,
            ["handoffId"] = handoffId,
            ["decision"] = "approved",
            ["reasonCodes"] = new JsonArray(),
        }.ToJsonString();
        for (int i = 1; i < 50; i++)
        {
            using HttpResponseMessage replay = await host.Api.PostFederalAsync(body);
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.Equal("duplicate", JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["handling"]!.GetValue<string>());
        }

        Assert.Equal("granted", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());
        List<string> timeline = await Scenario.TimelineAsync(host, applicationId);
        Assert.Single(timeline, e => e == "federal-decision-received");
        Assert.Single(timeline, e => e == "federal-decided");
        Assert.Equal(49, (await host.Api.CommandsAsync(applicationId)).AsArray().Single(c => c!["command"]!["commandId"]!.GetValue<string>() == messageId)!["repeats"]!.GetValue<int>());
    }

    [Fact]
    public async Task Past_the_limit_of_document_batches_an_application_takes_no_more_and_says_why()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        ApiClient employer = host.Api.AsEmployerOf(applicationId);
        try
        {
            for (int batch = 1; batch <= 10; batch++)
            {
                using HttpResponseMessage supplied = await employer.PostJsonAsync(
                    $"/api/applications/{applicationId}/documents", new JsonObject { ["documents"] = new JsonArray(Samples.Document("information-response", $"batch {batch}")) });
                Assert.Equal(HttpStatusCode.Accepted, supplied.StatusCode);
                int accepted = batch;
                await Eventually.HoldsAsync(
                    async () => (await Scenario.TimelineAsync(host, applicationId)).Count(e => e == "documents-supplied") == accepted,
                    Scenario.StepTimeout,
                    $"batch {batch} to be taken");
            }

            using HttpResponseMessage eleventh = await employer.PostJsonAsync(
                $"/api/applications/{applicationId}/documents", new JsonObject { ["documents"] = new JsonArray(Samples.Document("information-response", "batch 11")) });
            Assert.Equal(HttpStatusCode.Conflict, eleventh.StatusCode);
            Assert.Contains("at most 10 batches", (await ApiClient.ProblemAsync(eleventh)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    /// <summary>Waits until the workflow has carried out everything it had to (the timeline stops growing).</summary>
    static async Task QuietAsync(PermitHost host, string applicationId)
    {
        int last = -1;
        await Eventually.HoldsAsync(
            async () =>
            {
                int now = (await Scenario.TimelineAsync(host, applicationId)).Count;
                bool settled = now == last;
                last = now;
                return settled;
            },
            Scenario.StepTimeout,
            $"{applicationId} to settle");
    }

    static string[] Timeline(string status) => [.. JsonNode.Parse(status)!["timeline"]!.AsArray().Select(e => e!["event"]!.GetValue<string>())];

    /// <summary>The 95th percentile, in milliseconds, of 60 status reads.</summary>
    static async Task<double> StatusP95Async(ApiClient client, string applicationId)
    {
        var times = new List<double>();
        for (int i = 0; i < 60; i++)
        {
            var watch = Stopwatch.StartNew();
            using HttpResponseMessage status = await client.Http.GetAsync($"/api/applications/{applicationId}");
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt((int)Math.Ceiling(0.95 * times.Count) - 1);
    }
}
