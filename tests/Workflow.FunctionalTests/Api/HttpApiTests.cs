using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Application;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.Api;

public sealed class HttpApiTests
{
    [Fact]
    public async Task An_invalid_application_gets_a_validation_problem_and_nothing_is_stored()
    {
        PermitHost host = await SharedHost.GetAsync();
        JsonObject application = Samples.Load(Samples.HighlySkilled, a =>
        {
            a["employer"]!["kbo"] = "0412345615"; // wrong check digits
            a["worker"]!["insz"] = "90031512378";
        });

        using HttpResponseMessage response = await host.Api.As(Roles.Employer, "0412345614").PostJsonAsync("/api/applications", application);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement problem = await ApiClient.ProblemAsync(response);
        JsonElement errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("employer.kbo", out _));
        Assert.True(errors.TryGetProperty("worker.insz", out _));

        // Nothing stored: neither under the valid KBO nor under the one sent.
        foreach (string kbo in new[] { "0412345615", "0412345614" })
        {
            string id = ApplicationIds.Derive(kbo, application["submissionId"]!.GetValue<string>());
            using HttpResponseMessage status = await host.Api.As(Roles.Caseworker).Http.GetAsync($"/api/applications/{id}");
            Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
            Assert.Null(await host.Engine.GetInstanceAsync(id));
        }
    }

    [Theory]
    [InlineData("{\"submissionId\": \"X-1\", \"category\": ", "not valid for this endpoint")]
    [InlineData("{\"submissionId\": \"X-1\", \"category\": \"astronaut\"}", "$.category")]
    [InlineData("{\"submissionId\": \"X-1\", \"submittedAt\": \"2020-01-01T00:00:00Z\"}", "submittedAt")]
    [InlineData("{\"job\": {\"vksLevel\": \"seven\"}}", "$.job.vksLevel")]
    [InlineData("null", "not null")]
    public async Task A_body_that_does_not_parse_gets_a_problem_that_says_where(string body, string expected)
    {
        PermitHost host = await SharedHost.GetAsync();
        using HttpResponseMessage response = await host.Api.As(Roles.Employer, "0412345614").PostRawAsync("/api/applications", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await ApiClient.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_content_type_gets_415_and_an_oversized_body_413()
    {
        PermitHost host = await SharedHost.GetAsync();
        ApiClient employer = host.Api.As(Roles.Employer, "0412345614");
        using HttpResponseMessage text = await employer.PostRawAsync("/api/applications", "submissionId=1", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        await ApiClient.ProblemAsync(text);

        // Sent as a careful client sends a large body (Expect: 100-continue): the server refuses before the body is sent.
        string huge = "{\"documents\": [\"" + new string('A', 31 * 1024 * 1024) + "\"]}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using HttpResponseMessage large = await employer.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        await ApiClient.ProblemAsync(large);

        // The host keeps serving.
        using HttpResponseMessage health = await host.Api.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Kestrel_takes_a_body_as_large_as_the_API_accepts_and_no_larger()
    {
        PermitHost host = await SharedHost.GetAsync();
        long accepted = host.Services.GetRequiredService<IOptions<WorkflowSettings>>().Value.MaxRequestBytes;
        Assert.Equal(accepted, host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
    }

    [Fact]
    public async Task Unknown_and_malformed_application_ids_get_404_problems()
    {
        PermitHost host = await SharedHost.GetAsync();
        foreach (string id in new[] { ApplicationIds.Derive("0412345614", "never-submitted"), "..%2F..%2Fetc%2Fpasswd", "wp-" + new string('z', 200) })
        {
            using HttpResponseMessage response = await host.Api.As(Roles.Caseworker).Http.GetAsync($"/api/applications/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await ApiClient.ProblemAsync(response);
        }

        using HttpResponseMessage payment = await host.Api.As(Roles.Employer, "0412345614").PostJsonAsync(
            $"/api/applications/{ApplicationIds.Derive("0412345614", "never-submitted")}/payments",
            new JsonObject { ["paymentId"] = "P-1", ["amount"] = 200, ["currency"] = "EUR" });
        Assert.Equal(HttpStatusCode.NotFound, payment.StatusCode);
    }

    [Fact]
    public async Task A_refusal_without_a_named_ground_is_rejected_and_a_wrong_fee_is_unprocessable()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);
        try
        {
            using HttpResponseMessage refusal = await host.Api.As(Roles.Caseworker).PostJsonAsync(
                $"/api/applications/{applicationId}/decision",
                new JsonObject { ["decisionId"] = "D-1", ["verdict"] = "refuse", ["grounds"] = new JsonArray(), ["motivation"] = "No." });
            Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
            Assert.True((await ApiClient.ProblemAsync(refusal)).GetProperty("errors").TryGetProperty("grounds", out _));

            using HttpResponseMessage unknownGround = await host.Api.As(Roles.Caseworker).PostJsonAsync(
                $"/api/applications/{applicationId}/decision",
                new JsonObject { ["decisionId"] = "D-2", ["verdict"] = "refuse", ["grounds"] = new JsonArray("looks-suspicious"), ["motivation"] = "No." });
            Assert.Equal(HttpStatusCode.BadRequest, unknownGround.StatusCode);

            Assert.Equal("awaiting-decision", (await host.Api.GetAsync(applicationId))["stage"]!.GetValue<string>());
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }

        string unpaid = await host.Api.SubmitAsync(Samples.Load(Samples.Other));
        using HttpResponseMessage wrongFee = await host.Api.AsEmployerOf(unpaid).PostJsonAsync(
            $"/api/applications/{unpaid}/payments",
            new JsonObject { ["paymentId"] = "P-2", ["amount"] = 180, ["currency"] = "EUR" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongFee.StatusCode);
        Assert.Contains("200.00 EUR", (await ApiClient.ProblemAsync(wrongFee)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Scenario.EndAsync(host, unpaid);
    }

    [Fact]
    public async Task The_worklist_shows_open_decisions_nearest_due_date_first()
    {
        PermitHost host = await SharedHost.GetAsync();
        // Both submitted together, so both clocks start together: the one with fewer days is due first.
        var standardTask = Scenario.AtCaseworkerAsync(host, Samples.Seasonal);
        var fastLaneTask = Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);
        (string standard, _) = await standardTask;
        (string fastLane, _) = await fastLaneTask;
        try
        {
            // Read a page at a time (3 items a page), so the order holds across pages too.
            DateTimeOffset reading = DateTimeOffset.UtcNow;
            JsonElement[] items = [.. await host.Api.WorklistAsync(pageSize: 3)];
            double walk = Scenario.PolicyDays(host, DateTimeOffset.UtcNow - reading); // days left shrink while the pages are read

            // Ours do not move, so each is met once. Other tests' files share this worklist and can move while the pages
            // are read (an information request answered moves a file to its later due date): such a file can be met on
            // two pages, as a caseworker paging while colleagues work can meet it, so distinctness is asked of ours only.
            Assert.Single(items, i => i.GetProperty("applicationId").GetString() == fastLane);
            Assert.Single(items, i => i.GetProperty("applicationId").GetString() == standard);

            // Read whole in one page (one range read, no page boundary for a file to cross): every file is listed once.
            using JsonDocument whole = JsonDocument.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync("/api/worklist?pageSize=100"));
            string?[] listed = [.. whole.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("applicationId").GetString())];
            Assert.Equal(listed.Length, listed.Distinct().Count());

            // A file paused on an information request keeps its place (its due date moves while it waits); the others are in due order.
            double[] daysLeft = [.. items.Where(i => !i.GetProperty("informationRequested").GetBoolean()).Select(i => i.GetProperty("daysLeft").GetDouble())];
            for (int i = 1; i < daysLeft.Length; i++)
            {
                Assert.True(daysLeft[i] >= daysLeft[i - 1] - walk - 0.01, $"Worklist out of order at {i}: [{string.Join(", ", daysLeft)}] (read in {walk:0.00} policy days)");
            }

            int fastIndex = Array.FindIndex(items, i => i.GetProperty("applicationId").GetString() == fastLane);
            int standardIndex = Array.FindIndex(items, i => i.GetProperty("applicationId").GetString() == standard);
            Assert.True(fastIndex >= 0 && standardIndex >= 0);
            Assert.True(fastIndex < standardIndex, "the fast-lane file (15 days) comes before the standard one (30 days)");
            Assert.Equal($"/api/applications/{fastLane}", items[fastIndex].GetProperty("statusUrl").GetString());
        }
        finally
        {
            await Scenario.EndAsync(host, standard);
            await Scenario.EndAsync(host, fastLane);
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_route()
    {
        PermitHost host = await SharedHost.GetAsync();
        using JsonDocument document = JsonDocument.Parse(await host.Api.Http.GetStringAsync("/api/openapi.json"));
        JsonElement paths = document.RootElement.GetProperty("paths");
        foreach (string path in new[]
        {
            "/api/applications", "/api/applications/{id}", "/api/applications/{id}/documents", "/api/applications/{id}/payments",
            "/api/applications/{id}/information-requests", "/api/applications/{id}/decision", "/api/worklist",
            "/api/federal/decisions", "/api/sla/peak-periods",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.True(paths.GetProperty("/api/applications").GetProperty("post").TryGetProperty("requestBody", out _));
    }
}
