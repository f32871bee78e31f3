using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.FunctionalTests.Recognition;

/// <summary>
/// The recognition follow-up (§2.6) on the real engine, through the HTTP API: a grant to a nurse awaiting recognition
/// starts it; the NARIC recognition left overdue raises the caseworker's reminder, then the managers' escalation (both
/// in GET /api/alerts, once each); the caseworker extends the term with a reason, records the recognition, a manager
/// the care visa, and the follow-up is done. Outcomes at the wrong stage get 409 with the reason, an employer's 403;
/// the employer reads the stage and due date of its own, never the notes. On a host of its own whose recognition
/// terms are compressed (6 policy days, 14 once extended, reminders 3 days before, escalation a day after) at a second
/// per policy day, the starter ticking every second.
/// </summary>
public sealed class RecognitionFollowUpTests : IAsyncLifetime
{
    static readonly RecognitionTermsEntry Compressed = new(
        "recognition-test", new DateOnly(2019, 1, 1), RecognitionDays: 6, ExtendedRecognitionDays: 14, CareVisaDays: 6, ReminderDaysBefore: 3, EscalationDaysAfter: 1,
        "test", "test", "test", "test");

    const string NurseSample = "highly-skilled-nurse";

    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(
        new PermitHostOptions { Extra = new Dictionary<string, string?> { ["Recognition:StartInterval"] = "00:00:01" } },
        builder => builder.Services.AddSingleton(new RecognitionPolicy(new RecognitionPolicyData([Compressed]))));

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task A_nurses_grant_is_followed_until_recognition_and_care_visa_with_reminder_escalation_and_refusals()
    {
        // Beside the nurse, a highly skilled worker who is not one: granted alike, never followed.
        Task<(string ApplicationId, string? HandoffId)> plain = Scenario.AtCaseworkerAsync(this.host, Samples.HighlySkilled);
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(this.host, NurseSample);
        (string plainId, string? plainHandoffId) = await plain;
        string followUpId = RecognitionFollowUpIds.For(applicationId);
        string url = $"/api/applications/{applicationId}/recognition";
        ApiClient caseworker = this.host.Api.AsPerson(Roles.Caseworker, "cw-ann", "Ann Peeters");
        ApiClient manager = this.host.Api.AsPerson(Roles.Manager, "mgr-bert", "Bert Manager");
        ApiClient employer = this.host.Api.AsEmployerOf(applicationId);
        try
        {
            // Not granted yet: no follow-up.
            await AssertProblemAsync(await caseworker.Http.GetAsync(url), HttpStatusCode.NotFound, "no recognition follow-up");

            using (HttpResponseMessage federal = await this.host.Api.FederalAsync(applicationId, handoffId!, "decision", "approved"))
            {
                Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
            }

            using (HttpResponseMessage federal = await this.host.Api.FederalAsync(plainId, plainHandoffId!, "decision", "approved"))
            {
                Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
            }

            await this.host.Api.DecideAsync(applicationId, "approve");
            await this.host.Api.DecideAsync(plainId, "approve");
            await Scenario.CompletedAsync(this.host, applicationId);
            await Scenario.CompletedAsync(this.host, plainId);

            // The registrar asks for a follow-up before it writes the grant, so a grant in the register without a request has none.
            JsonNode plainDecision = (await this.host.Api.GetAsync(plainId))["decision"]!;
            Assert.NotNull(plainDecision["authorisation"]);
            Assert.Null(plainDecision["recognition"]);
            Assert.Null(await this.host.Services.GetRequiredService<IRecognitionFollowUps>().GetRequestAsync(plainId, CancellationToken.None));
            await AssertProblemAsync(await caseworker.Http.GetAsync($"/api/applications/{plainId}/recognition"), HttpStatusCode.NotFound, "no recognition follow-up");
            JsonNode granted = await this.host.Api.GetAsync(applicationId);
            DateTimeOffset submittedAt = Scenario.Time(granted["submittedAt"]);
            DateTimeOffset decidedAt = Scenario.Time(granted["decision"]!["decidedAt"]);

            // The grant starts the follow-up: awaiting NARIC's recognition, due 6 policy days after the grant.
            JsonNode started = await Eventually.ReturnsAsync(
                async () => await ReadAsync(caseworker, url) is { } view && view["starting"]!.GetValue<bool>() == false ? view : null,
                Scenario.StepTimeout,
                "the follow-up to start");
            Assert.Equal("awaiting-recognition", started["stage"]!.GetValue<string>());
            Assert.Equal(6, started["termDays"]!.GetValue<int>());
            Assert.Equal("recognition-test", started["termsId"]!.GetValue<string>());
            DateTimeOffset grantedAt = Scenario.Time(started["startedAt"]);
            // The follow-up's clock starts at the grant in real time (the decision's policy time on the application's clock).
            DateTimeOffset decidedReal = submittedAt + ((decidedAt - submittedAt) * (this.host.Options.PolicyDay / TimeSpan.FromDays(1)));
            Assert.InRange(grantedAt - decidedReal, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
            Assert.Equal(grantedAt.AddDays(6), Scenario.Time(started["dueAt"]));

            // Wrong stage: the visa is not taken before the recognition (409, with the reason; nothing recorded).
            HttpResponseMessage early = await caseworker.PostJsonAsync($"{url}/care-visa-outcome", new JsonObject { ["commandId"] = "visa-early", ["outcome"] = "granted" });
            await AssertProblemAsync(early, HttpStatusCode.Conflict, "once NARIC recognised");
            Assert.DoesNotContain((await this.host.Api.CommandsAsync(applicationId)).AsArray(), c => c!["command"]!["commandId"]!.GetValue<string>() == "visa-early");

            // The employer reads its own follow-up's stage and due date, without the notes, and records nothing.
            JsonNode own = (await ReadAsync(employer, url))!;
            Assert.Equal("awaiting-recognition", own["stage"]!.GetValue<string>());
            Assert.Equal(grantedAt.AddDays(6), Scenario.Time(own["dueAt"]));
            Assert.Null(own["outcomes"]);
            Assert.Null(own["overdue"]);
            using (HttpResponseMessage refused = await employer.PostJsonAsync($"{url}/naric-outcome", new JsonObject { ["commandId"] = "emp-1", ["outcome"] = "recognised" }))
            {
                await AssertProblemAsync(refused, HttpStatusCode.Forbidden, null);
            }

            using (HttpResponseMessage foreign = await this.host.Api.As(Roles.Employer, "0412345614").Http.GetAsync(url))
            {
                await AssertProblemAsync(foreign, HttpStatusCode.NotFound, null);
            }

            // Left overdue: the caseworker's reminder (3 days before), then the managers' escalation (a day after), once each.
            JsonNode[] alerts = await Eventually.ReturnsAsync(
                async () => await this.AlertsAsync(applicationId) is { Length: >= 2 } both ? both : null,
                Scenario.StepTimeout,
                "the reminder and the escalation");
            Assert.Equal(
                [("recognition-reminder", "caseworker"), ("recognition-overdue", "managers")],
                alerts.Select(a => (a["alert"]!["milestone"]!.GetValue<string>(), a["alert"]!["audience"]!.GetValue<string>())));
            Assert.Equal(grantedAt.AddDays(3), Scenario.Time(alerts[0]["alert"]!["milestoneAt"]));
            Assert.Equal(grantedAt.AddDays(7), Scenario.Time(alerts[1]["alert"]!["milestoneAt"]));
            Assert.All(alerts, a => Assert.Equal($"{applicationId}:{a!["alert"]!["milestone"]!.GetValue<string>()}", a["alert"]!["idempotencyKey"]!.GetValue<string>()));

            // Staff see it overdue, on the follow-up, in the application's status and on the list of open follow-ups. The
            // activity publishes a transition's alerts before it records the follow-up, so the record may follow a moment later.
            JsonNode overdue = await Eventually.ReturnsAsync(
                async () => await ReadAsync(caseworker, url) is { } view && view["alertsFired"]!.AsArray().Count == 2 ? view : null,
                Scenario.StepTimeout,
                "the follow-up's record to hold both alerts");
            Assert.True(overdue["overdue"]!.GetValue<bool>());
            Assert.Equal(["recognition-reminder", "recognition-overdue"], overdue["alertsFired"]!.AsArray().Select(a => a!.GetValue<string>()));
            JsonNode summary = (await this.host.Api.GetAsync(applicationId))["decision"]!["recognition"]!;
            Assert.Equal(("awaiting-recognition", true, url), (summary["stage"]!.GetValue<string>(), summary["overdue"]!.GetValue<bool>(), summary["url"]!.GetValue<string>()));
            Assert.Null((await employer.GetAsync(applicationId))["decision"]!["recognition"]!["overdue"]);
            JsonNode list = JsonNode.Parse(await manager.Http.GetStringAsync("/api/recognition-follow-ups?pageSize=10"))!;
            JsonNode item = Assert.Single(list["items"]!.AsArray(), i => i!["applicationId"]!.GetValue<string>() == applicationId)!;
            Assert.True(item["overdue"]!.GetValue<bool>());
            Assert.True(item["daysLeft"]!.GetValue<double>() < 0);
            using (HttpResponseMessage badPage = await manager.Http.GetAsync("/api/recognition-follow-ups?pageSize=0"))
            {
                await AssertProblemAsync(badPage, HttpStatusCode.BadRequest, "pageSize");
            }

            // The caseworker extends the term to 14 days, with a reason: no longer overdue. Without a reason: 400.
            using (HttpResponseMessage noReason = await caseworker.PostJsonAsync($"{url}/naric-outcome", new JsonObject { ["commandId"] = "ext-0", ["outcome"] = "term-extended" }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            }

            var extension = new JsonObject { ["commandId"] = "ext-1", ["outcome"] = "term-extended", ["reason"] = "Full equivalence procedure: NARIC asked for the internship record." };
            JsonNode accepted = await PostAsync(caseworker, $"{url}/naric-outcome", extension, HttpStatusCode.Accepted);
            Assert.Equal(("naric-outcome", "pending", false), (accepted["kind"]!.GetValue<string>(), accepted["fate"]!.GetValue<string>(), accepted["repeated"]!.GetValue<bool>()));
            JsonNode extended = await Eventually.ReturnsAsync(
                async () => await ReadAsync(caseworker, url) is { } view && view["termExtended"]!.GetValue<bool>() ? view : null,
                Scenario.StepTimeout,
                "the extension to be taken");
            Assert.Equal(grantedAt.AddDays(14), Scenario.Time(extended["dueAt"]));
            Assert.Equal(14, extended["termDays"]!.GetValue<int>());
            JsonNode note = Assert.Single(extended["outcomes"]!.AsArray())!;
            Assert.Equal(("term-extended", extension["reason"]!.GetValue<string>(), "cw-ann", "Ann Peeters"), (note["outcome"]!.GetValue<string>(), note["reason"]!.GetValue<string>(), note["by"]!.GetValue<string>(), note["byName"]!.GetValue<string>()));

            // The same command again is a repeat (200); other content under its id, or a second extension, 409.
            JsonNode repeated = await PostAsync(caseworker, $"{url}/naric-outcome", extension, HttpStatusCode.OK);
            Assert.True(repeated["repeated"]!.GetValue<bool>());
            extension["reason"] = "Another reason.";
            await AssertProblemAsync(await caseworker.PostJsonAsync($"{url}/naric-outcome", extension), HttpStatusCode.Conflict, "other content");
            await AssertProblemAsync(
                await caseworker.PostJsonAsync($"{url}/naric-outcome", new JsonObject { ["commandId"] = "ext-2", ["outcome"] = "term-extended", ["reason"] = "Again." }),
                HttpStatusCode.Conflict,
                "extended once");

            // Recognised: the care visa is awaited; a manager records it granted: done, and the workflow ends.
            await PostAsync(caseworker, $"{url}/naric-outcome", new JsonObject { ["commandId"] = "naric-1", ["outcome"] = "recognised" }, HttpStatusCode.Accepted);
            JsonNode visa = await Eventually.ReturnsAsync(
                async () => await ReadAsync(caseworker, url) is { } view && view["stage"]!.GetValue<string>() == "awaiting-care-visa" ? view : null,
                Scenario.StepTimeout,
                "the recognition to be taken");
            Assert.Equal(Scenario.Time(visa["recognisedAt"]).AddDays(6), Scenario.Time(visa["dueAt"]));
            await AssertProblemAsync(
                await caseworker.PostJsonAsync($"{url}/naric-outcome", new JsonObject { ["commandId"] = "naric-2", ["outcome"] = "refused" }),
                HttpStatusCode.Conflict,
                "while the recognition is awaited");
            await PostAsync(manager, $"{url}/care-visa-outcome", new JsonObject { ["commandId"] = "visa-1", ["outcome"] = "granted" }, HttpStatusCode.Accepted);

            using var cancellation = new CancellationTokenSource(Scenario.StepTimeout);
            OrchestrationMetadata ended = await this.host.Engine.WaitForInstanceCompletionAsync(followUpId, getInputsAndOutputs: true, cancellation.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
            Assert.Equal("done", JsonDocument.Parse(ended.SerializedOutput!).RootElement.GetProperty("stage").GetString());
            await Scenario.AssertBoundedHistoryAsync(this.host, followUpId);

            JsonNode done = (await ReadAsync(caseworker, url))!;
            Assert.Equal("done", done["stage"]!.GetValue<string>());
            Assert.Null(done["dueAt"]);
            Assert.Equal(["term-extended", "recognised", "care-visa-granted"], done["outcomes"]!.AsArray().Select(o => o!["outcome"]!.GetValue<string>()));
            Assert.Equal("done", (await employer.GetAsync(applicationId))["decision"]!["recognition"]!["stage"]!.GetValue<string>());
            JsonNode open = JsonNode.Parse(await caseworker.Http.GetStringAsync("/api/recognition-follow-ups"))!;
            Assert.DoesNotContain(open["items"]!.AsArray(), i => i!["applicationId"]!.GetValue<string>() == applicationId);

            // Every command's fate is on its record with who sent it; the steps are in the staff's timeline, not the employer's.
            JsonArray commands = (await this.host.Api.CommandsAsync(applicationId)).AsArray();
            foreach ((string kind, string id, string subject) in new[] { ("naric-outcome", "ext-1", "cw-ann"), ("naric-outcome", "naric-1", "cw-ann"), ("care-visa-outcome", "visa-1", "mgr-bert") })
            {
                JsonNode command = Assert.Single(commands, c => c!["command"]!["kind"]!.GetValue<string>() == kind && c["command"]!["commandId"]!.GetValue<string>() == id)!;
                Assert.Equal(("accepted", subject), (command["command"]!["fate"]!.GetValue<string>(), command["actorSubject"]!.GetValue<string>()));
            }

            List<string> timeline = await Scenario.TimelineAsync(this.host, applicationId);
            Assert.Equal(1, timeline.Count(e => e == "milestone-recognition-overdue"));
            int[] order = [.. new[] { "recognition-follow-up-started", "milestone-recognition-reminder", "milestone-recognition-overdue", "naric-term-extended", "naric-recognised", "care-visa-granted" }
                .Select(e => timeline.IndexOf(e))];
            Assert.True(order.All(i => i >= 0) && order.SequenceEqual(order.Order()), $"The follow-up's steps in order: {string.Join(", ", order)} in {string.Join(", ", timeline)}");
            JsonArray employerTimeline = (await employer.GetAsync(applicationId))["timeline"]!.AsArray();
            Assert.DoesNotContain(employerTimeline, e => e!["event"]!.GetValue<string>() is "naric-term-extended" or "naric-outcome-received" or "milestone-recognition-overdue");
        }
        finally
        {
            await Scenario.EndAsync(this.host, plainId);
            await Scenario.EndAsync(this.host, applicationId);
            if (await this.host.Engine.GetInstanceAsync(followUpId) is { IsCompleted: false })
            {
                await this.host.Engine.TerminateInstanceAsync(followUpId, "test finished");
            }
        }
    }

    async Task<JsonNode[]> AlertsAsync(string applicationId)
    {
        JsonNode page = JsonNode.Parse(await this.host.Api.As(Roles.Manager).Http.GetStringAsync($"/api/alerts?applicationId={applicationId}"))!;
        return [.. page["items"]!.AsArray().Where(a => a!["alert"]!["milestone"]!.GetValue<string>().StartsWith("recognition", StringComparison.Ordinal)).Select(a => a!)];
    }

    static async Task<JsonNode?> ReadAsync(ApiClient client, string url)
    {
        using HttpResponseMessage response = await client.Http.GetAsync(url);
        return response.StatusCode == HttpStatusCode.NotFound ? null : JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    static async Task<JsonNode> PostAsync(ApiClient client, string url, JsonObject body, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await client.PostJsonAsync(url, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? detail)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            JsonElement problem = await ApiClient.ProblemAsync(response);
            if (detail is not null)
            {
                Assert.Contains(detail, problem.GetRawText(), StringComparison.Ordinal);
            }
        }
    }
}
