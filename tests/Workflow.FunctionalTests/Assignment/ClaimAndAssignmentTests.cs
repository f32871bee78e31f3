using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using static Workflow.FunctionalTests.Assignment.AssignmentSteps;

namespace Workflow.FunctionalTests.Assignment;

/// <summary>
/// Who works on which application, on the real engine: claims, repeats, conflicts, releases and a manager's
/// reassignment, each change audited with who made it and hidden from the applicant; two claims at once; a decided
/// application refused.
/// </summary>
public sealed class ClaimAndAssignmentTests
{
    [Fact]
    public async Task Claims_releases_and_a_managers_reassignment_answer_and_are_audited_with_who_did_it()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        Staff ann = Person(host, Roles.Caseworker, "Ann Peeters");
        Staff bert = Person(host, Roles.Caseworker, "Bert Claes");
        Staff mia = Person(host, Roles.Manager, "Mia Manager");
        try
        {
            JsonElement claimed = await ExpectAsync(ClaimAsync(ann, applicationId), HttpStatusCode.OK);
            Assert.Equal(ann.Subject, claimed.GetProperty("assignee").GetProperty("subject").GetString());
            Assert.Equal("Ann Peeters", claimed.GetProperty("assignee").GetProperty("name").GetString());
            Assert.False(claimed.GetProperty("repeated").GetBoolean());
            Assert.Equal("assigned", claimed.GetProperty("event").GetString());

            JsonElement again = await ExpectAsync(ClaimAsync(ann, applicationId), HttpStatusCode.OK);
            Assert.True(again.GetProperty("repeated").GetBoolean());
            Assert.Equal(claimed.GetProperty("since").GetString(), again.GetProperty("since").GetString());

            JsonElement taken = await ExpectAsync(ClaimAsync(bert, applicationId), HttpStatusCode.Conflict);
            string detail = taken.GetProperty("detail").GetString()!;
            Assert.Contains($"Ann Peeters ({ann.Subject}) since ", detail, StringComparison.Ordinal);
            Assert.Contains("A manager can reassign it", detail, StringComparison.Ordinal);

            JsonElement notHis = await ExpectAsync(ReleaseAsync(bert, applicationId), HttpStatusCode.Conflict);
            Assert.Contains("Only its assignee or a manager", notHis.GetProperty("detail").GetString(), StringComparison.Ordinal);

            JsonElement released = await ExpectAsync(ReleaseAsync(ann, applicationId), HttpStatusCode.OK);
            Assert.False(released.TryGetProperty("assignee", out _));
            Assert.Equal("released", released.GetProperty("event").GetString());
            Assert.True((await ExpectAsync(ReleaseAsync(ann, applicationId), HttpStatusCode.OK)).GetProperty("repeated").GetBoolean());

            await ExpectAsync(ClaimAsync(ann, applicationId), HttpStatusCode.OK);
            var toBert = new JsonObject { ["caseworker"] = bert.Subject, ["name"] = bert.Name, ["reason"] = "Ann is on leave until Monday." };
            JsonElement reassigned = await ExpectAsync(AssignAsync(mia, applicationId, toBert), HttpStatusCode.OK);
            Assert.Equal("reassigned", reassigned.GetProperty("event").GetString());
            Assert.Equal(bert.Subject, reassigned.GetProperty("assignee").GetProperty("subject").GetString());
            Assert.True((await ExpectAsync(AssignAsync(mia, applicationId, new JsonObject { ["caseworker"] = bert.Subject }), HttpStatusCode.OK)).GetProperty("repeated").GetBoolean());

            // The timeline: four changes, in order, each with who made it; repeats and refusals left no row.
            JsonElement[] changes = [.. (await TimelineAsync(mia, applicationId)).Where(e => e.GetProperty("event").GetString() is "assigned" or "released" or "reassigned")];
            Assert.Equal(["assigned", "released", "assigned", "reassigned"], changes.Select(e => e.GetProperty("event").GetString()));
            Assert.Equal(
                [(ann.Subject, "Ann Peeters", "caseworker"), (ann.Subject, "Ann Peeters", "caseworker"), (ann.Subject, "Ann Peeters", "caseworker"), (mia.Subject, "Mia Manager", "manager")],
                changes.Select(e => (e.GetProperty("by").GetString(), e.GetProperty("byName").GetString(), e.GetProperty("actor").GetString())));
            Assert.Equal(ann.Subject, changes[3].GetProperty("details").GetProperty("previous").GetString());
            Assert.Equal(bert.Subject, changes[3].GetProperty("details").GetProperty("assignee").GetString());
            Assert.DoesNotContain("on leave", changes[3].GetRawText(), StringComparison.Ordinal); // free text stays in the dossier

            // The assignment's own view: who now, and the manager's reason from the dossier.
            JsonElement assignment = await AssignmentAsync(ann, applicationId);
            Assert.Equal(bert.Subject, assignment.GetProperty("assignee").GetProperty("subject").GetString());
            JsonElement last = assignment.GetProperty("history").EnumerateArray().Last();
            Assert.Equal(("reassigned", "Ann is on leave until Monday.", mia.Subject), (last.GetProperty("event").GetString(), last.GetProperty("reason").GetString(), last.GetProperty("by").GetString()));

            // Staff-only: the applicant's timeline shows none of it.
            JsonNode ownView = await host.Api.AsEmployerOf(applicationId).GetAsync(applicationId);
            Assert.DoesNotContain(ownView["timeline"]!.AsArray(), e => e!["event"]!.GetValue<string>() is "assigned" or "released" or "reassigned");
            Assert.DoesNotContain(bert.Subject, ownView.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task Of_two_claims_at_once_exactly_one_wins_and_the_other_gets_409_every_round()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        Staff mia = Person(host, Roles.Manager, "Mia Manager");
        const int rounds = 8;
        try
        {
            for (int round = 0; round < rounds; round++)
            {
                Staff first = Person(host, Roles.Caseworker, "First Racer");
                Staff second = Person(host, Roles.Caseworker, "Second Racer");
                HttpResponseMessage[] answers = await Task.WhenAll(ClaimAsync(first, applicationId), ClaimAsync(second, applicationId));
                HttpStatusCode[] statuses = [.. answers.Select(a => a.StatusCode).Order()];
                Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
                Staff winner = answers[0].StatusCode == HttpStatusCode.OK ? first : second;
                foreach (HttpResponseMessage answer in answers)
                {
                    answer.Dispose();
                }

                Assert.Equal(winner.Subject, (await AssignmentAsync(mia, applicationId)).GetProperty("assignee").GetProperty("subject").GetString());
                await ExpectAsync(ReleaseAsync(mia, applicationId), HttpStatusCode.OK);
            }

            string[] events = [.. (await TimelineAsync(mia, applicationId)).Select(e => e.GetProperty("event").GetString()!)];
            Assert.Equal(rounds, events.Count(e => e == "assigned"));
            Assert.Equal(rounds, events.Count(e => e == "released"));
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task A_decided_application_cannot_be_claimed_or_assigned_and_leaves_its_assignees_worklist()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        Staff ann = Person(host, Roles.Caseworker, "Ann Peeters");
        Staff bert = Person(host, Roles.Caseworker, "Bert Claes");
        Staff mia = Person(host, Roles.Manager, "Mia Manager");

        await ExpectAsync(ClaimAsync(ann, applicationId), HttpStatusCode.OK);
        Assert.NotNull(await ItemAsync(ann, "mine", applicationId));
        await ann.Api.DecideAsync(applicationId, "approve");
        await host.Api.WaitForStageAsync(applicationId, "closed");

        JsonElement claim = await ExpectAsync(ClaimAsync(bert, applicationId), HttpStatusCode.Conflict);
        Assert.Contains("decided", claim.GetProperty("detail").GetString(), StringComparison.Ordinal);
        JsonElement assign = await ExpectAsync(AssignAsync(mia, applicationId, new JsonObject { ["caseworker"] = bert.Subject }), HttpStatusCode.Conflict);
        Assert.Contains("decided", assign.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The decision was Ann's: the application stays hers on record, off the worklist.
        Assert.Equal(ann.Subject, (await AssignmentAsync(mia, applicationId)).GetProperty("assignee").GetProperty("subject").GetString());
        Assert.Null(await ItemAsync(ann, "mine", applicationId));
        Assert.Equal(1, (await TimelineAsync(mia, applicationId)).Count(e => e.GetProperty("event").GetString() is "assigned" or "reassigned"));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_assignment_endpoints_like_their_neighbours()
    {
        PermitHost host = await SharedHost.GetAsync();
        using JsonDocument document = JsonDocument.Parse(await host.Api.Http.GetStringAsync("/api/openapi.json"));
        JsonElement paths = document.RootElement.GetProperty("paths");
        foreach ((string path, string method, string name) in new[]
        {
            ("/api/applications/{id}/assignment/claim", "post", "ClaimApplication"),
            ("/api/applications/{id}/assignment/release", "post", "ReleaseApplication"),
            ("/api/applications/{id}/assignment", "put", "AssignApplication"),
            ("/api/applications/{id}/assignment", "get", "GetAssignment"),
            ("/api/caseworkers", "get", "GetCaseworkers"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out JsonElement item), $"{path} is missing");
            Assert.True(item.TryGetProperty(method, out JsonElement operation), $"{method} {path} is missing");
            Assert.Equal(name, operation.GetProperty("operationId").GetString());
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
            JsonElement responses = operation.GetProperty("responses");
            Assert.All(new[] { "200", "401", "403" }, status => Assert.True(responses.TryGetProperty(status, out _), $"{name} does not describe {status}"));
        }

        Assert.True(paths.GetProperty("/api/applications/{id}/assignment").GetProperty("put").TryGetProperty("requestBody", out _));
        Assert.True(paths.GetProperty("/api/applications/{id}/assignment/claim").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
    }
}
