using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.CaseRecord;

/// <summary>
/// Every command has exactly one fate and the caller can see it: recorded once, answered as accepted, repeated or
/// refused with the reason, never silently dropped or overwritten (issue: "one true case record").
/// </summary>
public sealed class CommandFateTests
{
    [Fact]
    public async Task An_answer_id_used_again_on_another_request_is_a_409_naming_the_conflict_and_the_other_request_stays_answerable()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);
        try
        {
            ApiClient caseworker = host.Api.As(Roles.Caseworker);
            foreach (string requestId in new[] { "TP-A", "TP-B" })
            {
                using HttpResponseMessage asked = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/third-party-requests", AuthenticationRequest(requestId));
                Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            }

            await OpenThirdPartiesAsync(host, applicationId, 2);
            using HttpResponseMessage first = await caseworker.PostJsonAsync(
                $"/api/applications/{applicationId}/third-party-requests/TP-A/answer", new JsonObject { ["answerId"] = "ANS-1", ["answer"] = "authentic" });
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

            // The same answer id on the other request: not dropped behind a 202 (it once was), but refused with the reason.
            using HttpResponseMessage reused = await caseworker.PostJsonAsync(
                $"/api/applications/{applicationId}/third-party-requests/TP-B/answer", new JsonObject { ["answerId"] = "ANS-1", ["answer"] = "authentic" });
            Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
            Assert.Contains("third-party-answer id ANS-1 was used", (await ApiClient.ProblemAsync(reused)).GetProperty("detail").GetString(), StringComparison.Ordinal);

            // The same answer again is a repeat (200, from the record); the other request takes an answer with a new id.
            using HttpResponseMessage repeated = await caseworker.PostJsonAsync(
                $"/api/applications/{applicationId}/third-party-requests/TP-A/answer", new JsonObject { ["answerId"] = "ANS-1", ["answer"] = "authentic" });
            Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
            Assert.True(JsonNode.Parse(await repeated.Content.ReadAsStringAsync())!["repeated"]!.GetValue<bool>());
            using HttpResponseMessage second = await caseworker.PostJsonAsync(
                $"/api/applications/{applicationId}/third-party-requests/TP-B/answer", new JsonObject { ["answerId"] = "ANS-2", ["answer"] = "inconclusive" });
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
            await OpenThirdPartiesAsync(host, applicationId, 0);
            await host.Api.DecideAsync(applicationId, "approve"); // no longer blocked by an open request
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task An_information_request_id_used_again_with_a_new_question_is_refused_and_the_first_question_is_kept()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        try
        {
            ApiClient caseworker = host.Api.As(Roles.Caseworker);
            var question = new JsonObject { ["requestId"] = "INFO-1", ["question"] = "Which site will the worker work on?", ["deadlineDays"] = 2 };
            using HttpResponseMessage asked = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/information-requests", question);
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            await Eventually.HoldsAsync(async () => (await Scenario.TimelineAsync(host, applicationId)).Contains("information-request-expired"), Scenario.StepTimeout, "the request to expire");

            // Closed now: its id with another question is refused; nothing is overwritten.
            using HttpResponseMessage reused = await caseworker.PostJsonAsync(
                $"/api/applications/{applicationId}/information-requests",
                new JsonObject { ["requestId"] = "INFO-1", ["question"] = "And the payslips of last year?", ["deadlineDays"] = 2 });
            Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);

            InformationRequestRecord kept = (await host.Services.GetRequiredService<IDossierStore>()
                .GetRecordAsync<InformationRequestRecord>(applicationId, "information-requests/INFO-1.json", CancellationToken.None))!;
            Assert.Equal("Which site will the worker work on?", kept.Question);

            // The same question with the same id is the same command: answered from its record, raising nothing.
            using HttpResponseMessage repeated = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/information-requests", question);
            Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
            JsonNode answer = JsonNode.Parse(await repeated.Content.ReadAsStringAsync())!;
            Assert.Equal("accepted", answer["fate"]!.GetValue<string>());
            Assert.Equal(1, (await Scenario.TimelineAsync(host, applicationId)).Count(e => e == "information-requested"));
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task Of_two_decisions_posted_at_once_one_wins_whatever_their_ids_and_the_stored_record_is_always_the_letters()
    {
        PermitHost host = await SharedHost.GetAsync();
        const int Rounds = 20;
        (string ApplicationId, string? HandoffId)[] applications = await Task.WhenAll(Enumerable.Range(0, Rounds).Select(_ => Scenario.AtCaseworkerAsync(host, Samples.WorkCard)));
        IDossierStore dossiers = host.Services.GetRequiredService<IDossierStore>();
        ICommandLedger commands = host.Services.GetRequiredService<ICommandLedger>();

        await Task.WhenAll(applications.Select(async (application, round) =>
        {
            string id = application.ApplicationId;

            // Odd rounds: one decision id with two verdicts; even rounds: two ids. Two caseworkers, at the same moment.
            (string IdA, string IdB) = round % 2 == 1 ? ("DEC-SAME", "DEC-SAME") : ("DEC-A", "DEC-B");
            Task<HttpResponseMessage> approve = host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{id}/decision", Decision(IdA, "approve"));
            Task<HttpResponseMessage> refuse = host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{id}/decision", Decision(IdB, "refuse"));
            HttpResponseMessage[] answers = await Task.WhenAll(approve, refuse);
            Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());

            JsonNode result = await Scenario.CompletedAsync(host, id);
            string outcome = result["outcome"]!.GetValue<string>();
            string letter = await host.Api.As(Roles.Caseworker).LetterTextAsync(id);

            // Exactly one decision is on record: the one the workflow took, the one the letter states.
            CommandRecord winner = Assert.Single(await commands.ListAsync(id, CommandKinds.Decision, CancellationToken.None));
            Assert.Equal(Orchestrations.Contracts.CommandFate.Accepted, winner.Fate);
            DecisionRecord stored = (await dossiers.GetRecordAsync<DecisionRecord>(id, $"decisions/{winner.CommandId}.json", CancellationToken.None))!;
            string expectedOutcome = stored.Verdict == Orchestrations.Domain.CaseworkerVerdict.Approve ? "granted" : "refused";
            Assert.Equal(expectedOutcome, outcome);
            Assert.Contains($"Decision: {expectedOutcome.ToUpperInvariant()}", letter, StringComparison.Ordinal);
            string loser = winner.CommandId == IdA ? IdB : IdA;
            if (loser != winner.CommandId)
            {
                Assert.Null(await dossiers.GetRecordAsync<DecisionRecord>(id, $"decisions/{loser}.json", CancellationToken.None));
            }

            foreach (HttpResponseMessage answer in answers)
            {
                answer.Dispose();
            }
        }));
    }

    [Fact]
    public async Task A_command_cut_off_between_its_record_and_its_event_is_raised_on_retry_with_the_same_message_and_acted_on_once()
    {
        await using PermitHost host = await PermitHost.StartAsync(configure: builder => builder.Services.AddTransient<IWorkflowEvents, FaultyWorkflowEvents>());
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        FaultyWorkflowEvents.FailNext(applicationId, CommandKinds.Decision);
        JsonObject decision = Decision("DEC-CUT", "approve");

        using HttpResponseMessage cut = await host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{applicationId}/decision", decision);
        Assert.Equal(HttpStatusCode.InternalServerError, cut.StatusCode); // the request died after recording

        // The record says so: recorded, not yet raised; the workflow has not seen it.
        JsonNode recorded = await CommandAsync(host, applicationId, "decision", "DEC-CUT");
        Assert.Equal("recorded", recorded["command"]!["fate"]!.GetValue<string>());
        Assert.Equal("awaiting-decision", (await host.Api.GetAsync(applicationId))["stage"]!.GetValue<string>());

        using HttpResponseMessage retried = await host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{applicationId}/decision", decision);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal("granted", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());
        Assert.Equal(1, (await Scenario.TimelineAsync(host, applicationId)).Count(e => e == "caseworker-decided"));
        await Eventually.HoldsAsync(
            async () => (await CommandAsync(host, applicationId, "decision", "DEC-CUT"))["command"]!["fate"]!.GetValue<string>() == "accepted",
            Scenario.StepTimeout,
            "the decision's fate to be accepted");
    }

    [Fact]
    public async Task A_command_the_workflow_rejects_shows_its_reason_and_frees_the_decision_slot()
    {
        await using PermitHost host = await PermitHost.StartAsync(configure: builder => builder.Services.AddTransient<IWorkflowEvents, FaultyWorkflowEvents>());
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);
        ApiClient caseworker = host.Api.As(Roles.Caseworker);

        // A decision recorded but cut off before its event; meanwhile a third party is asked. Its retry reaches the
        // workflow after the request: the workflow rejects it (a decision waits for the third party's answer).
        FaultyWorkflowEvents.FailNext(applicationId, CommandKinds.Decision);
        using (HttpResponseMessage cut = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/decision", Decision("DEC-EARLY", "approve")))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, cut.StatusCode);
        }

        using (HttpResponseMessage asked = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/third-party-requests", AuthenticationRequest("TP-1")))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        await OpenThirdPartiesAsync(host, applicationId, 1);
        using (HttpResponseMessage retried = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/decision", Decision("DEC-EARLY", "approve")))
        {
            Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        }

        JsonNode rejected = await Eventually.ReturnsAsync(
            async () => await CommandAsync(host, applicationId, "decision", "DEC-EARLY") is { } c && c["command"]!["fate"]!.GetValue<string>() == "rejected" ? c : null,
            Scenario.StepTimeout,
            "the early decision to be rejected by the workflow");
        Assert.StartsWith("Third-party request TP-1", rejected["command"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("decision-rejected", await Scenario.TimelineAsync(host, applicationId));

        // The slot it held is free again: once the third party answered, another decision is taken.
        using (HttpResponseMessage answered = await caseworker.PostJsonAsync(
            $"/api/applications/{applicationId}/third-party-requests/TP-1/answer", new JsonObject { ["answerId"] = "ANS-1", ["answer"] = "authentic" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        }

        await OpenThirdPartiesAsync(host, applicationId, 0);
        using (HttpResponseMessage decided = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/decision", Decision("DEC-LATER", "refuse")))
        {
            Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        }

        Assert.Equal("refused", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());
    }

    static JsonObject Decision(string decisionId, string verdict) => new()
    {
        ["decisionId"] = decisionId,
        ["verdict"] = verdict,
        ["grounds"] = verdict == "refuse" ? new JsonArray("category-conditions-not-met") : new JsonArray(),
        ["motivation"] = $"Decided ({verdict}) by the command fate tests.",
    };

    static JsonObject AuthenticationRequest(string requestId) => new()
    {
        ["requestId"] = requestId,
        ["kind"] = "document-authentication",
        ["authority"] = "diplomatic-post",
        ["documentType"] = "diploma",
        ["deadlineDays"] = 60,
    };

    static Task OpenThirdPartiesAsync(PermitHost host, string applicationId, int open) =>
        Eventually.HoldsAsync(
            async () => (await host.Api.GetAsync(applicationId))["awaiting"]!.AsArray().Count(i => i!.GetValue<string>().StartsWith("third-party:", StringComparison.Ordinal)) == open,
            Scenario.StepTimeout,
            $"{open} open third-party requests on {applicationId}");

    static async Task<JsonNode> CommandAsync(PermitHost host, string applicationId, string kind, string commandId) =>
        JsonNode.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/commands/{kind}/{commandId}"))!;
}
