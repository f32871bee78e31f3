using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Adapters.Simulated;
using Workflow.Application.Access;
using Workflow.Application.Withdrawals;
using Workflow.FunctionalTests.Api;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Tests.Shared;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>
/// Withdrawal of a granted work authorisation after a fraud finding (§2.1), end to end through the HTTP API on the real
/// engine (a 15-day hearing, its reminder 5 days before the deadline):
/// the finding, the hearing invitation and its letter, the reminder, the deadline (or the employer's answer), the
/// caseworker's decision, the parties and the federal office told, the register entry withdrawn, the exclusions of the
/// employer and its directors proposed and confirmed by a second person, and then another company with the same
/// director found inadmissible. The employer never sees the finding.
/// </summary>
public sealed class WithdrawalTests
{
    const string Employer = SimulatedAuthenticSources.PatternEmployers.SharedDirector;
    const string OtherCompany = SimulatedAuthenticSources.PatternEmployers.SharesDirectorWith;
    const string Evidence = "PV-2026-0113 social inspection report";
    const string Summary = "Fourteen workers admitted in two years; eleven never worked here.";

    [Fact]
    public async Task A_fraud_finding_leads_through_the_hearing_to_a_withdrawal_told_to_all_and_excludes_the_employer_and_its_directors()
    {
        // A host of its own at three seconds per policy day: the reminder then comes 15 s before the deadline. At the
        // shared host's one second it came 5 s before, and a suite run that kept the engine busier than that made the
        // workflow wake after the deadline, when the reminder is rightly recorded as missed and never sent.
        await using PermitHost host = await PermitHost.StartAsync(new PermitHostOptions { PolicyDay = TimeSpan.FromSeconds(3) });
        string person = WorkerAccessTests.FreshPersonNumber();
        string grant = await GrantAsync(host, Samples.Load(Samples.HighlySkilled, s =>
        {
            s["employer"]!["kbo"] = Employer;
            s["worker"]!["insz"] = person;
            s["worker"]!["birthDate"] = WorkerAccessTests.BirthDateOf(person);
        }));
        ApiClient inspector = host.Api.AsPerson(Roles.Inspector, $"inspector-{Guid.NewGuid():N}", "Ines Inspector");
        ApiClient caseworker = host.Api.AsPerson(Roles.Caseworker, $"caseworker-{Guid.NewGuid():N}", "Carla Caseworker");
        ApiClient employer = host.Api.AsEmployerOf(grant);
        string withdrawalId = "";
        string? later = null;
        try
        {
            // The finding starts the withdrawal; the same finding again is a repeat, other content under its id a conflict.
            JsonObject finding = Finding($"F-{Guid.NewGuid():N}", grant);
            (HttpStatusCode filed, JsonNode? receipt, string? location) = await PostAsync(inspector, "/api/inspections/findings", finding);
            Assert.True(filed == HttpStatusCode.Accepted, $"the finding answered {(int)filed}: {receipt}");
            withdrawalId = receipt!["withdrawalId"]!.GetValue<string>();
            Assert.Equal($"/api/withdrawals/{withdrawalId}", location);
            (HttpStatusCode repeated, JsonNode? again, _) = await PostAsync(inspector, "/api/inspections/findings", finding);
            Assert.Equal((HttpStatusCode.OK, withdrawalId, true), (repeated, again!["withdrawalId"]!.GetValue<string>(), again["repeated"]!.GetValue<bool>()));
            JsonObject altered = Finding(finding["findingId"]!.GetValue<string>(), grant, ground: "false-documents");
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(inspector, "/api/inspections/findings", altered)).Status);
            (HttpStatusCode second, JsonNode? underWay, _) = await PostAsync(inspector, "/api/inspections/findings", Finding($"F-{Guid.NewGuid():N}", grant));
            Assert.Equal(HttpStatusCode.Conflict, second);
            Assert.Contains(withdrawalId, underWay!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

            // The register shows the withdrawal under way; the authorisation stays granted meanwhile.
            JsonNode entry = await RegisterEntryAsync(host, grant);
            Assert.Equal(("granted", true, withdrawalId), (entry["state"]!.GetValue<string>(), entry["withdrawalUnderWay"]!.GetValue<bool>(), entry["withdrawalId"]!.GetValue<string>()));

            // The employer's status shows the withdrawal under way; the worker's does not: the hearing is the employer's,
            // and the worker learns of a withdrawal with its decision.
            JsonNode employersAuthorisation = (await ReadAsync(employer, $"/api/applications/{grant}"))["decision"]!["authorisation"]!;
            Assert.True(employersAuthorisation["withdrawalUnderWay"]!.GetValue<bool>());
            Assert.NotNull(employersAuthorisation["withdrawalUrl"]);
            JsonNode workersAuthorisation = (await ReadAsync(host.Api.AsWorker(person, "worker-" + person), $"/api/worker/applications/{grant}"))["decision"]!["authorisation"]!;
            Assert.NotEqual(true, workersAuthorisation["withdrawalUnderWay"]?.GetValue<bool>());
            Assert.Null(workersAuthorisation["withdrawalUrl"]);

            // The hearing invitation: a notification with its deadline and a letter in Dutch and English citing the ground, nothing of the evidence.
            TableEntity invitation = await NotificationAsync(host, grant, $"{withdrawalId}:hearing-invitation");
            Assert.Equal(("employer", "hearing-invitation"), (invitation.GetString("Party"), invitation.GetString("Kind")));
            JsonNode asEmployer = await ReadAsync(employer, $"/api/withdrawals/{withdrawalId}");
            Assert.Equal("economic-hub", asEmployer["ground"]!["code"]!.GetValue<string>());
            foreach (string internalPart in new[] { "finding", "history", "employer", "exclusions", "federal" })
            {
                Assert.Null(asEmployer[internalPart]);
            }

            Assert.DoesNotContain("PV-2026-0113", asEmployer.ToJsonString(), StringComparison.Ordinal);
            string invitationLetter = PdfText.Of(await employer.Http.GetByteArrayAsync($"/api/withdrawals/{withdrawalId}/letters/hearing-invitation"));
            Assert.Contains(DecisionGrounds.EconomicHub.DescriptionNl, invitationLetter, StringComparison.Ordinal);
            Assert.Contains("§2.1", invitationLetter, StringComparison.Ordinal);
            Assert.Contains("Invitation to be heard", invitationLetter, StringComparison.Ordinal);
            Assert.Contains($"uiterlijk op {DutchDate(asEmployer["hearing"]!["answerBy"]!.GetValue<string>())}", invitationLetter, StringComparison.Ordinal);
            Assert.DoesNotContain("PV-2026-0113", invitationLetter, StringComparison.Ordinal);
            using (HttpResponseMessage stranger = await host.Api.As(Roles.Employer, "0412345614").Http.GetAsync($"/api/withdrawals/{withdrawalId}"))
            {
                Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
            }

            // The caseworker cannot decide while the employer is being heard.
            (HttpStatusCode early, JsonNode? refusal, _) = await PostAsync(caseworker, $"/api/withdrawals/{withdrawalId}/decision", Decision("D-EARLY", "withdraw", "economic-hub"));
            Assert.Equal(HttpStatusCode.Conflict, early);
            Assert.Contains("heard until", refusal!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

            // The reminder, then the deadline ends the hearing without an answer; an answer after it is refused.
            TableEntity reminder = await NotificationAsync(host, grant, $"{withdrawalId}:hearing-reminder");
            Assert.Equal("hearing-reminder", reminder.GetString("Kind"));
            JsonNode heard = await WaitForStageAsync(host, withdrawalId, "awaiting-decision");
            Assert.Equal("deadline-passed", heard["hearing"]!["endedBy"]!.GetValue<string>());
            Assert.NotNull(heard["hearing"]!["remindedAt"]);
            (HttpStatusCode late, _, _) = await PostAsync(employer, $"/api/withdrawals/{withdrawalId}/hearing-response", new JsonObject { ["responseId"] = "R-LATE", ["statement"] = "We were abroad." });
            Assert.Equal(HttpStatusCode.Conflict, late);

            // The caseworker withdraws, citing the ground; one decision per withdrawal.
            JsonObject decision = Decision("D-1", "withdraw", "economic-hub", "Confirmed by the inspection's report; the employer did not answer.");
            (HttpStatusCode decided, JsonNode? answer, _) = await PostAsync(caseworker, $"/api/withdrawals/{withdrawalId}/decision", decision);
            Assert.True(decided == HttpStatusCode.Accepted, $"the decision answered {(int)decided}: {answer}");
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(caseworker, $"/api/withdrawals/{withdrawalId}/decision", decision)).Status);
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(caseworker, $"/api/withdrawals/{withdrawalId}/decision", Decision("D-2", "keep", null, "Second thoughts."))).Status);
            await WaitForStageAsync(host, withdrawalId, "withdrawn");
            JsonNode withdrawn = await WaitForFateAsync(host, withdrawalId, "D-1");
            Assert.Equal(("withdraw", "economic-hub"), (withdrawn["decision"]!["verdict"]!.GetValue<string>(), withdrawn["decision"]!["ground"]!["code"]!.GetValue<string>()));
            Assert.Contains(withdrawn["commands"]!.AsArray(), c => c!["commandId"]!.GetValue<string>() == "D-1" && c["fate"]!.GetValue<string>() == "accepted");
            Assert.Equal(Evidence, withdrawn["finding"]!["evidence"]![0]!.GetValue<string>());

            // The employer and the worker are told, the employer with the decision letter (it names the employer and the
            // exclusions proposed for it), the worker without; the federal office gets one withdrawal message.
            TableEntity[] told = [.. (await host.Storage.NotificationsAsync(grant)).Where(n => n.GetString("Kind") == "withdrawal-decision")];
            Assert.Equal(["employer", "worker"], told.Select(n => n.GetString("Party")).Order());
            Assert.NotNull(Assert.Single(told, n => n.GetString("Party") == "employer").GetString("LetterReference"));
            Assert.Null(Assert.Single(told, n => n.GetString("Party") == "worker").GetString("LetterReference"));
            JsonElement federal = await host.FederalOffice.WaitForAsync(grant, "withdrawal", Scenario.StepTimeout);
            Assert.Equal(withdrawalId, federal.GetProperty("handoffId").GetString());
            Assert.Single(host.FederalOffice.MessagesFor(grant), m => m.GetProperty("kind").GetString() == "withdrawal");
            string decisionLetter = PdfText.Of(await employer.Http.GetByteArrayAsync($"/api/withdrawals/{withdrawalId}/letters/withdrawal-decision"));
            Assert.Contains($"ingetrokken vanaf {DutchDate(withdrawn["decision"]!["decidedOn"]!.GetValue<string>())}", decisionLetter, StringComparison.Ordinal);
            Assert.Contains(DecisionGrounds.EconomicHub.DescriptionNl, decisionLetter, StringComparison.Ordinal);
            JsonNode employerDecision = (await ReadAsync(employer, $"/api/withdrawals/{withdrawalId}"))["decision"]!;
            Assert.Equal("withdraw", employerDecision["verdict"]!.GetValue<string>());
            Assert.Null(employerDecision["reason"]);
            Assert.Null(employerDecision["by"]);

            // The federal office acknowledges it (as the simulated office does): recorded on the withdrawal, once.
            string ackId = $"{withdrawalId}:ack";
            using (HttpResponseMessage ack = await host.Api.FederalAsync(grant, withdrawalId, "acknowledgement", messageId: ackId))
            {
                Assert.Equal(HttpStatusCode.Accepted, ack.StatusCode);
            }

            using (HttpResponseMessage ackAgain = await host.Api.FederalAsync(grant, withdrawalId, "acknowledgement", messageId: ackId))
            {
                Assert.Equal(HttpStatusCode.OK, ackAgain.StatusCode);
            }

            Assert.NotNull((await ReadAsync(caseworker, $"/api/withdrawals/{withdrawalId}"))["federal"]!["acknowledgedAt"]);

            // The register entry is withdrawn, dated; the grant's status says so; no further finding is taken on it.
            entry = await RegisterEntryAsync(host, grant);
            Assert.Equal(("withdrawn", false), (entry["state"]!.GetValue<string>(), entry["withdrawalUnderWay"]!.GetValue<bool>()));
            Assert.Equal(withdrawn["decision"]!["decidedOn"]!.GetValue<string>(), entry["withdrawnOn"]!.GetValue<string>());
            Assert.Equal("withdrawn", (await host.Api.GetAsync(grant))["decision"]!["authorisation"]!["state"]!.GetValue<string>());
            JsonNode byDirector = (await ReadAsync(inspector, $"/api/inspections/grants?director={SimulatedAuthenticSources.PatternEmployers.SharedDirectorInsz}&pageSize=200"))["items"]!
                .AsArray().Single(i => i!["applicationId"]!.GetValue<string>() == grant)!;
            Assert.Equal("withdrawn", byDirector["state"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(inspector, "/api/inspections/findings", Finding($"F-{Guid.NewGuid():N}", grant))).Status);

            // The exclusions of the employer and of each current director are proposals of the deciding caseworker...
            string[] exclusions = [.. withdrawn["exclusions"]!.AsArray().Select(e => e!["exclusionId"]!.GetValue<string>())];
            Assert.Contains($"{withdrawalId}-employer", exclusions);
            JsonNode[] proposed = await Task.WhenAll(exclusions.Select(id => ReadAsync(caseworker, $"/api/exclusions/{id}")));
            Assert.All(proposed, e => Assert.Equal("proposed", e["status"]!.GetValue<string>()));
            Assert.All(proposed, e => Assert.Equal("caseworker Carla Caseworker", $"{e["history"]![0]!["by"]!["role"]} {e["history"]![0]!["by"]!["name"]}"));
            Assert.All(proposed, e => Assert.Equal(("economic-hub", withdrawalId), (e["terms"]!["reasonCode"]!.GetValue<string>(), e["terms"]!["decisionReference"]!.GetValue<string>())));
            JsonNode shared = Assert.Single(proposed, e => e["partyReference"]?.GetValue<string>() == SimulatedAuthenticSources.PatternEmployers.SharedDirectorInsz);
            Assert.Equal("director", shared["party"]!.GetValue<string>());
            Assert.Contains(proposed, e => e["party"]!.GetValue<string>() == "employer" && e["partyReference"]!.GetValue<string>() == Employer);

            // ...in force once a second person confirms each (the caseworker may not: confirming is for managers and inspectors).
            using (HttpResponseMessage own = await caseworker.PostJsonAsync($"/api/exclusions/{exclusions[0]}/confirm", new JsonObject()))
            {
                Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
            }

            ApiClient manager = host.Api.AsPerson(Roles.Manager, $"manager-{Guid.NewGuid():N}", "Mia Manager");
            foreach (string id in exclusions)
            {
                Assert.Equal(HttpStatusCode.OK, (await PostAsync(manager, $"/api/exclusions/{id}/confirm", new JsonObject())).Status);
            }

            // Another company with the same director is inadmissible on that director's exclusion.
            later = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, s => s["employer"]!["kbo"] = OtherCompany));
            JsonNode result = await Scenario.CompletedAsync(host, later);
            Assert.Equal("inadmissible", result["outcome"]!.GetValue<string>());
            Assert.Equal(["director-excluded"], result["grounds"]!.AsArray().Select(g => g!.GetValue<string>()));
            JsonNode barred = Assert.Single((await ReadAsync(caseworker, $"/api/applications/{later}/overview"))["admissibility"]!["exclusions"]!.AsArray())!;
            Assert.Equal(shared["exclusionId"]!.GetValue<string>(), barred["exclusionId"]!.GetValue<string>());

            // The workflow ended on its own, with bounded history holding neither the evidence, the director nor a name.
            OrchestrationMetadata? instance = await host.Engine.GetInstanceAsync(withdrawalId, getInputsAndOutputs: true);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
            string history = await HistoryTextAsync(host, withdrawalId);
            Assert.DoesNotContain("PV-2026-0113", history, StringComparison.Ordinal);
            Assert.DoesNotContain(SimulatedAuthenticSources.PatternEmployers.SharedDirectorInsz, history, StringComparison.Ordinal);
            Assert.DoesNotContain("Carla", history, StringComparison.Ordinal);
            Assert.DoesNotContain("Confirmed by the inspection", history, StringComparison.Ordinal);
            await Scenario.AssertBoundedHistoryAsync(host, withdrawalId);
        }
        finally
        {
            await EndAsync(host, withdrawalId);
            if (later is not null)
            {
                await Scenario.EndAsync(host, later);
            }
        }
    }

    [Fact]
    public async Task The_employers_answer_ends_the_hearing_early_and_the_caseworker_may_keep_the_authorisation()
    {
        PermitHost host = await SharedHost.GetAsync();
        string grant = await GrantAsync(host, Samples.Load(Samples.HighlySkilled));
        ApiClient inspector = host.Api.AsPerson(Roles.Inspector, $"inspector-{Guid.NewGuid():N}");
        ApiClient caseworker = host.Api.AsPerson(Roles.Caseworker, $"caseworker-{Guid.NewGuid():N}");
        ApiClient employer = host.Api.AsEmployerOf(grant);
        string withdrawalId = "";
        string? next = null;
        try
        {
            (HttpStatusCode filed, JsonNode? receipt, _) = await PostAsync(inspector, "/api/inspections/findings", Finding($"F-{Guid.NewGuid():N}", grant, ground: "non-eu-workforce-only"));
            Assert.Equal(HttpStatusCode.Accepted, filed);
            withdrawalId = receipt!["withdrawalId"]!.GetValue<string>();

            // The employer answers at once: idempotent by its id, one answer per withdrawal.
            JsonObject response = new() { ["responseId"] = "R-1", ["statement"] = "Our workforce is 40 % Belgian; see the payroll attached to our letter." };
            (HttpStatusCode answered, JsonNode? answer, string? location) = await PostAsync(employer, $"/api/withdrawals/{withdrawalId}/hearing-response", response);
            Assert.True(answered == HttpStatusCode.Accepted, $"the answer got {(int)answered}: {answer}");
            Assert.Equal($"/api/withdrawals/{withdrawalId}", location);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(employer, $"/api/withdrawals/{withdrawalId}/hearing-response", response)).Status);
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(employer, $"/api/withdrawals/{withdrawalId}/hearing-response", new JsonObject { ["responseId"] = "R-1", ["statement"] = "Other words." })).Status);
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(employer, $"/api/withdrawals/{withdrawalId}/hearing-response", new JsonObject { ["responseId"] = "R-2", ["statement"] = "More." })).Status);

            JsonNode heard = await WaitForFateAsync(host, withdrawalId, "R-1");
            Assert.Equal("awaiting-decision", heard["stage"]!.GetValue<string>());
            Assert.Equal("answered", heard["hearing"]!["endedBy"]!.GetValue<string>());
            Assert.Equal("R-1", heard["hearing"]!["response"]!["responseId"]!.GetValue<string>());
            Assert.Contains(heard["commands"]!.AsArray(), c => c!["commandId"]!.GetValue<string>() == "R-1" && c["fate"]!.GetValue<string>() == "accepted");

            // Keeping the authorisation needs a reason; then the withdrawal ends and the register shows nothing under way.
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(caseworker, $"/api/withdrawals/{withdrawalId}/decision", Decision("D-1", "keep", null))).Status);
            (HttpStatusCode kept, _, _) = await PostAsync(caseworker, $"/api/withdrawals/{withdrawalId}/decision", Decision("D-1", "keep", null, "The payroll shows a mixed workforce."));
            Assert.Equal(HttpStatusCode.Accepted, kept);
            JsonNode closed = await WaitForStageAsync(host, withdrawalId, "kept");
            Assert.Equal("keep", closed["decision"]!["verdict"]!.GetValue<string>());
            Assert.Equal("The payroll shows a mixed workforce.", closed["decision"]!["reason"]!.GetValue<string>());
            Assert.Empty(closed["exclusions"]!.AsArray());
            JsonNode employerView = await ReadAsync(employer, $"/api/withdrawals/{withdrawalId}");
            Assert.Equal("keep", employerView["decision"]!["verdict"]!.GetValue<string>());
            Assert.Null(employerView["decision"]!["reason"]);
            Assert.Equal("authorisation-kept", (await NotificationAsync(host, grant, $"{withdrawalId}:authorisation-kept")).GetString("Kind"));
            JsonNode entry = await RegisterEntryAsync(host, grant);
            Assert.Equal(("granted", false), (entry["state"]!.GetValue<string>(), entry["withdrawalUnderWay"]!.GetValue<bool>()));
            Assert.DoesNotContain(host.FederalOffice.MessagesFor(grant), m => m.GetProperty("kind").GetString() == "withdrawal");

            // A later finding may start another withdrawal of the kept authorisation.
            (HttpStatusCode again, JsonNode? another, _) = await PostAsync(inspector, "/api/inspections/findings", Finding($"F-{Guid.NewGuid():N}", grant));
            Assert.Equal(HttpStatusCode.Accepted, again);
            next = another!["withdrawalId"]!.GetValue<string>();
            Assert.NotEqual(withdrawalId, next);
        }
        finally
        {
            await EndAsync(host, withdrawalId);
            await EndAsync(host, next ?? "");
        }
    }

    [Fact]
    public async Task Findings_and_decisions_that_do_not_fit_are_refused_with_a_problem_and_store_nothing()
    {
        PermitHost host = await SharedHost.GetAsync();
        ApiClient inspector = host.Api.AsPerson(Roles.Inspector, $"inspector-{Guid.NewGuid():N}");
        string unknown = ApplicationIds.Derive("0412345614", $"NO-SUCH-{Guid.NewGuid():N}");
        string findingId = $"F-{Guid.NewGuid():N}";

        // Only inspectors file findings.
        foreach (ApiClient other in new[] { host.Api.As(Roles.Employer, "0412345614"), host.Api.As(Roles.Caseworker), host.Api.As(Roles.Manager) })
        {
            (HttpStatusCode status, JsonNode? problem, _) = await PostAsync(other, "/api/inspections/findings", Finding(findingId, unknown));
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(403, problem!["status"]!.GetValue<int>());
        }

        // An authorisation the register does not hold: 404, and the finding id stays free.
        (HttpStatusCode missing, JsonNode? notFound, _) = await PostAsync(inspector, "/api/inspections/findings", Finding(findingId, unknown));
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains(unknown, notFound!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<IWithdrawals>().FindReservationAsync(findingId, CancellationToken.None));

        // Bad input: 400 with the field named.
        foreach ((JsonObject body, string field) in new[]
        {
            (Finding(findingId, unknown, ground: "category-conditions-not-met"), "ground"),
            (Finding(findingId, "not-an-application"), "authorisationId"),
            (Finding("", unknown), "findingId"),
            (Finding(findingId, unknown, evidence: []), "evidence"),
            (Finding(findingId, unknown, evidence: ["<script>"]), "evidence[0]"),
        })
        {
            (HttpStatusCode status, JsonNode? problem, _) = await PostAsync(inspector, "/api/inspections/findings", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.NotNull(problem!["errors"]![field]);
        }

        // A withdrawal nobody started is not found, whoever asks; a token without a subject cannot decide.
        string nobody = "wd-" + new string('a', 24);
        foreach ((ApiClient caller, string method, string path) in new[]
        {
            (host.Api.As(Roles.Caseworker), "GET", $"/api/withdrawals/{nobody}"),
            (host.Api.As(Roles.Employer, "0412345614"), "GET", $"/api/withdrawals/{nobody}/letters/hearing-invitation"),
            (host.Api.As(Roles.Employer, "0412345614"), "POST", $"/api/withdrawals/{nobody}/hearing-response"),
            (host.Api.As(Roles.Caseworker), "POST", $"/api/withdrawals/{nobody}/decision"),
            (host.Api.As(Roles.Caseworker), "GET", "/api/withdrawals/not-a-withdrawal"),
        })
        {
            using HttpResponseMessage response = method == "GET"
                ? await caller.Http.GetAsync(path)
                : await caller.PostJsonAsync(path, Decision("D-1", "withdraw", "economic-hub"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public void The_simulated_federal_office_acknowledges_a_withdrawal_and_sends_nothing_else()
    {
        var settings = new FederalOfficeSettings { Seed = 44, AcknowledgeAfterDays = 0.5 };
        var withdrawal = new FederalOutboundMessage("wd-1:withdrawal", FederalOutboundKind.Withdrawal, "wp-1", "wd-1", "wd-1", PermitCategory.HighlySkilled, DateTimeOffset.UtcNow);

        (double after, FederalInboundMessage message) = Assert.Single(SimulatedFederalOffice.Plan(settings, withdrawal));

        Assert.Equal(0.5, after);
        Assert.Equal((FederalInboundKind.Acknowledgement, "wp-1", "wd-1", "wd-1:ack"), (message.Kind, message.ApplicationId, message.HandoffId, message.MessageId));
    }

    /// <summary>An application run to a grant: paid, handed off, approved by the federal office and the caseworker.</summary>
    static async Task<string> GrantAsync(PermitHost host, JsonObject application)
    {
        string applicationId = await host.Api.SubmitAsync(application);
        await host.Api.PayAsync(applicationId);
        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision", Scenario.StepTimeout);
        JsonElement handoff = await host.FederalOffice.WaitForAsync(applicationId, "handoff", Scenario.StepTimeout);
        using (HttpResponseMessage federal = await host.Api.FederalAsync(applicationId, handoff.GetProperty("handoffId").GetString()!, "decision", "approved"))
        {
            Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
        }

        await host.Api.DecideAsync(applicationId, "approve");
        Assert.Equal("granted", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());
        return applicationId;
    }

    static JsonObject Finding(string findingId, string authorisationId, string ground = "economic-hub", string[]? evidence = null) => new()
    {
        ["findingId"] = findingId,
        ["authorisationId"] = authorisationId,
        ["ground"] = ground,
        ["evidence"] = new JsonArray([.. (evidence ?? [Evidence, "Dimona extract 2026-02"]).Select(e => (JsonNode)e)]),
        ["summary"] = Summary,
    };

    static JsonObject Decision(string decisionId, string verdict, string? ground, string? reason = null)
    {
        var decision = new JsonObject { ["decisionId"] = decisionId, ["verdict"] = verdict };
        if (ground is not null)
        {
            decision["ground"] = ground;
        }

        if (reason is not null)
        {
            decision["reason"] = reason;
        }

        return decision;
    }

    static async Task<(HttpStatusCode Status, JsonNode? Body, string? Location)> PostAsync(ApiClient client, string path, JsonObject body)
    {
        using HttpResponseMessage response = await client.PostJsonAsync(path, body);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers.Location?.ToString());
    }

    static async Task<JsonNode> ReadAsync(ApiClient client, string path) => (await client.Http.GetFromJsonNodeAsync(path))!;

    static Task<JsonNode> WaitForStageAsync(PermitHost host, string withdrawalId, string stage) =>
        Eventually.ReturnsAsync(
            async () =>
            {
                JsonNode view = await ReadAsync(host.Api.As(Roles.Caseworker), $"/api/withdrawals/{withdrawalId}");
                return view["stage"]!.GetValue<string>() == stage ? view : null;
            },
            Scenario.StepTimeout,
            $"withdrawal {withdrawalId} to reach stage {stage}");

    /// <summary>
    /// The withdrawal once <paramref name="commandId"/>'s fate is settled: fates are written last, so the withdrawal then
    /// stands as that command left it.
    /// </summary>
    static Task<JsonNode> WaitForFateAsync(PermitHost host, string withdrawalId, string commandId) =>
        Eventually.ReturnsAsync(
            async () =>
            {
                JsonNode view = await ReadAsync(host.Api.As(Roles.Caseworker), $"/api/withdrawals/{withdrawalId}");
                return view["commands"]!.AsArray().Any(c => c!["commandId"]!.GetValue<string>() == commandId && c["fate"]!.GetValue<string>() is "accepted" or "rejected") ? view : null;
            },
            Scenario.StepTimeout,
            $"command {commandId} of withdrawal {withdrawalId} to be settled");

    static Task<TableEntity> NotificationAsync(PermitHost host, string applicationId, string key) =>
        Eventually.ReturnsAsync(
            async () => (await host.Storage.NotificationsAsync(applicationId)).FirstOrDefault(n => n.GetString("IdempotencyKey") == key),
            Scenario.StepTimeout,
            $"notification {key}");

    /// <summary>The grant as the register lists it by its employer, read by a manager.</summary>
    static async Task<JsonNode> RegisterEntryAsync(PermitHost host, string applicationId)
    {
        JsonNode status = await host.Api.GetAsync(applicationId);
        string? continuation = null;
        string employer = (await host.Services.GetRequiredService<Orchestrations.Ports.IAuthorisationRegister>().GetAsync(applicationId, CancellationToken.None))!.Employer;
        Assert.Equal("granted", status["decision"]!["outcome"]!.GetValue<string>());
        do
        {
            string path = $"/api/inspections/grants?employer={employer}&pageSize=200" + (continuation is null ? "" : $"&continuation={continuation}");
            JsonNode page = await ReadAsync(host.Api.As(Roles.Manager), path);
            if (page["items"]!.AsArray().FirstOrDefault(i => i!["applicationId"]!.GetValue<string>() == applicationId) is JsonNode item)
            {
                return item;
            }

            continuation = page["continuation"]?.GetValue<string>();
        }
        while (continuation is not null);
        throw new Xunit.Sdk.XunitException($"The register does not list {applicationId} under its employer.");
    }

    static async Task<string> HistoryTextAsync(PermitHost host, string instanceId)
    {
        var text = new System.Text.StringBuilder();
        await foreach (TableEntity row in host.Storage.Table("History").QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
        {
            foreach (KeyValuePair<string, object> property in row)
            {
                text.Append(property.Value).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Ends a withdrawal's workflow left waiting (a failed assertion, a hearing still open): terminated and awaited.</summary>
    static async Task EndAsync(PermitHost host, string withdrawalId)
    {
        if (!WithdrawalIds.IsWellFormed(withdrawalId) || await host.Engine.GetInstanceAsync(withdrawalId) is not { IsCompleted: false })
        {
            return;
        }

        await host.Engine.TerminateInstanceAsync(withdrawalId, "test finished");
        await Eventually.HoldsAsync(
            async () => await host.Engine.GetInstanceAsync(withdrawalId) is null or { IsCompleted: true },
            Scenario.StepTimeout,
            $"{withdrawalId} to end");
    }

    /// <summary>A yyyy-MM-dd date as the Dutch letter writes it ("17 maart 2026").</summary>
    static string DutchDate(string isoDate)
    {
        string[] months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
        DateOnly date = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return $"{date.Day} {months[date.Month - 1]} {date.Year}";
    }
}
