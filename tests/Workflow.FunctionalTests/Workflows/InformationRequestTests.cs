using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

public sealed class InformationRequestTests
{
    /// <summary>Real time the employer takes to answer: the scenario's input, not a wait for the system.</summary>
    static Task EmployerTakesAsync(TimeSpan time) => Task.Delay(time);

    [Fact]
    public async Task An_information_request_pauses_the_clock_until_the_documents_answer_it()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);

        DateTimeOffset asking = DateTimeOffset.UtcNow;
        using HttpResponseMessage asked = await host.Api.As(Roles.Caseworker).PostJsonAsync(
            $"/api/applications/{applicationId}/information-requests",
            // The longest deadline: the answer must beat it even on a loaded machine (a policy day is a second here).
            new JsonObject { ["requestId"] = "INFO-1", ["question"] = "Please send the signed contract annex.", ["deadlineDays"] = 60 });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        DateTimeOffset askedAt = DateTimeOffset.UtcNow;

        JsonNode paused = await Eventually.ReturnsAsync(
            async () => await host.Api.GetAsync(applicationId) is { } s && s["openInformationRequestId"] is not null ? s : null,
            Scenario.StepTimeout,
            "the information request to be open");
        Assert.Equal("paused", paused["sla"]!["state"]!.GetValue<string>());
        Assert.Contains("information-response", paused["awaiting"]!.AsArray().Select(i => i!.GetValue<string>()));

        // A second question while one is open is refused.
        using HttpResponseMessage second = await host.Api.As(Roles.Caseworker).PostJsonAsync(
            $"/api/applications/{applicationId}/information-requests",
            new JsonObject { ["requestId"] = "INFO-2", ["question"] = "And the payslips?" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        await EmployerTakesAsync(TimeSpan.FromSeconds(2)); // two policy days, at least
        DateTimeOffset answering = DateTimeOffset.UtcNow;
        using HttpResponseMessage answer = await host.Api.AsEmployerOf(applicationId).PostJsonAsync(
            $"/api/applications/{applicationId}/documents",
            new JsonObject { ["documents"] = new JsonArray(Samples.Document("information-response")) });
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        DateTimeOffset answered = DateTimeOffset.UtcNow;

        JsonNode resumed = await Eventually.ReturnsAsync(
            async () => await host.Api.GetAsync(applicationId) is { } s && s["openInformationRequestId"] is null ? s : null,
            Scenario.StepTimeout,
            "the answer to close the request");
        JsonNode pause = Assert.Single(resumed["sla"]!["pauses"]!.AsArray())!;
        Assert.Equal("information-requested", pause["reason"]!.GetValue<string>());
        TimeSpan paused2 = Scenario.Time(pause["end"]) - Scenario.Time(pause["start"]);
        // Both ends are stamped by the API while it handled the request and the answer, so the pause lies between the
        // inner and the outer span of those two calls, in policy days (tolerance: 0.05 days for clock rounding).
        Assert.InRange(
            paused2.TotalDays,
            Scenario.PolicyDays(host, answering - askedAt) - 0.05,
            Scenario.PolicyDays(host, answered - asking) + 0.05);
        Assert.Equal(Scenario.Time(resumed["submittedAt"]).AddDays(30) + paused2, Scenario.Time(resumed["sla"]!["dueAt"]));
        Assert.NotEqual("paused", resumed["sla"]!["state"]!.GetValue<string>());

        await host.Api.DecideAsync(applicationId, "approve");
        await Scenario.CompletedAsync(host, applicationId);
        List<string> timeline = await Scenario.TimelineAsync(host, applicationId);
        Assert.Contains("information-requested", timeline);
        Assert.Contains("information-supplied", timeline);
        Assert.Single((await host.Storage.NotificationsAsync(applicationId)), n => n.RowKey.Contains("information-requested", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unanswered_information_request_expires_and_the_clock_runs_again()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        try
        {
            DateTimeOffset asking = DateTimeOffset.UtcNow;
            using HttpResponseMessage asked = await host.Api.As(Roles.Caseworker).PostJsonAsync(
                $"/api/applications/{applicationId}/information-requests",
                new JsonObject { ["requestId"] = "INFO-X", ["question"] = "Which site will the worker work on?", ["deadlineDays"] = 3 });
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);

            await Eventually.HoldsAsync(
                async () => (await Scenario.TimelineAsync(host, applicationId)).Contains("information-request-expired"),
                Scenario.StepTimeout,
                "the request to expire");
            DateTimeOffset seenExpired = DateTimeOffset.UtcNow;
            JsonNode status = await host.Api.GetAsync(applicationId);
            Assert.Null(status["openInformationRequestId"]);
            Assert.NotEqual("paused", status["sla"]!["state"]!.GetValue<string>());
            JsonNode pause = Assert.Single(status["sla"]!["pauses"]!.AsArray())!;

            // The deadline timer ends the pause at the deadline, not before; later only by how long the test took to see it.
            Assert.InRange(
                (Scenario.Time(pause["end"]) - Scenario.Time(pause["start"])).TotalDays,
                3 - 0.01,
                Scenario.PolicyDays(host, seenExpired - asking) + 0.05);
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }
}
