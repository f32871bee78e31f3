using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using static Workflow.FunctionalTests.Assignment.AssignmentSteps;

namespace Workflow.FunctionalTests.Assignment;

/// <summary>
/// The worklist with assignees, on the real engine: the assignee survives the workflow's own writes of the case index
/// and moves with the worklist row when the due date moves; the views mine, unassigned and all; the caseworkers' load.
/// </summary>
public sealed class WorklistAssignmentTests
{
    [Fact]
    public async Task The_assignee_moves_with_the_worklist_row_when_an_information_request_pauses_and_resumes_the_clock()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        Staff ann = Person(host, Roles.Caseworker, "Ann Peeters");
        try
        {
            await ExpectAsync(ClaimAsync(ann, applicationId), HttpStatusCode.OK);
            TableEntity before = Assert.Single(await WorklistRowsAsync(host, applicationId));
            Assert.Equal(ann.Subject, before.GetString("AssigneeSubject"));
            JsonElement listed = (await ItemAsync(ann, "mine", applicationId))!.Value;

            using (HttpResponseMessage asked = await ann.Api.PostJsonAsync(
                $"/api/applications/{applicationId}/information-requests",
                new JsonObject { ["requestId"] = "INFO-A1", ["question"] = "Please send the signed contract annex.", ["deadlineDays"] = 60 }))
            {
                Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            }

            await Eventually.HoldsAsync(
                async () => (await host.Api.GetAsync(applicationId))["sla"]!["state"]!.GetValue<string>() == "paused",
                Scenario.StepTimeout,
                "the information request to pause the clock");
            using (HttpResponseMessage answer = await host.Api.AsEmployerOf(applicationId).PostJsonAsync(
                $"/api/applications/{applicationId}/documents",
                new JsonObject { ["documents"] = new JsonArray(Samples.Document("information-response")) }))
            {
                Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            }

            // The workflow rewrote the case index and moved the worklist row to the later due date.
            TableEntity after = await Eventually.ReturnsAsync(
                async () => await WorklistRowsAsync(host, applicationId) is [TableEntity only] && only.RowKey != before.RowKey ? only : null,
                Scenario.StepTimeout,
                "the worklist row to move to the resumed due date");
            Assert.True(string.CompareOrdinal(after.RowKey, before.RowKey) > 0, "the due date moved later by the pause");
            Assert.Equal(ann.Subject, after.GetString("AssigneeSubject"));

            JsonElement moved = (await ItemAsync(ann, "mine", applicationId))!.Value;
            Assert.True(moved.GetProperty("dueAt").GetDateTimeOffset() > listed.GetProperty("dueAt").GetDateTimeOffset());
            Assert.Equal(ann.Subject, moved.GetProperty("assignee").GetProperty("subject").GetString());
            Assert.Equal(listed.GetProperty("assignedSince").GetString(), moved.GetProperty("assignedSince").GetString());
            Assert.Null(await ItemAsync(ann, "unassigned", applicationId));
            Assert.Contains("information-supplied", await Scenario.TimelineAsync(host, applicationId));
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task The_views_show_mine_unassigned_and_all_nearest_due_first_each_item_with_its_assignee_and_managers_see_the_load()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string claimedId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        (string assignedId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        (string openId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        Staff ann = Person(host, Roles.Caseworker, "Ann Peeters");
        Staff mia = Person(host, Roles.Manager, "Mia Manager");
        try
        {
            await ExpectAsync(ClaimAsync(ann, claimedId), HttpStatusCode.OK);
            await ExpectAsync(AssignAsync(mia, assignedId, new JsonObject { ["caseworker"] = ann.Subject }), HttpStatusCode.OK); // no name given: the one known

            // Mine, a page of one at a time: Ann's two, nearest due date first, with her name.
            List<JsonElement> mine = await WorklistAsync(ann, "mine", pageSize: 1);
            Assert.Equal([claimedId, assignedId], mine.Select(i => i.GetProperty("applicationId").GetString()));
            Assert.All(mine, i => Assert.Equal((ann.Subject, "Ann Peeters"), (i.GetProperty("assignee").GetProperty("subject").GetString(), i.GetProperty("assignee").GetProperty("name").GetString())));
            Assert.True(mine[0].GetProperty("dueAt").GetDateTimeOffset() <= mine[1].GetProperty("dueAt").GetDateTimeOffset());

            List<JsonElement> unassigned = await WorklistAsync(ann, "unassigned");
            Assert.Contains(unassigned, i => i.GetProperty("applicationId").GetString() == openId);
            Assert.DoesNotContain(unassigned, i => i.GetProperty("applicationId").GetString() is string id && (id == claimedId || id == assignedId));
            Assert.All(unassigned, i => Assert.False(i.TryGetProperty("assignee", out _)));

            List<JsonElement> all = await WorklistAsync(mia, "all");
            string?[] order = [.. all.Select(i => i.GetProperty("applicationId").GetString())];
            Assert.Equal([claimedId, assignedId, openId], order.Where(id => id == claimedId || id == assignedId || id == openId));
            Assert.False(all.Single(i => i.GetProperty("applicationId").GetString() == openId).TryGetProperty("assignee", out _));
            Assert.Equal(ann.Subject, all.Single(i => i.GetProperty("applicationId").GetString() == assignedId).GetProperty("assignee").GetProperty("subject").GetString());
            List<JsonElement> byDefault = await host.Api.As(Roles.Manager).WorklistAsync(); // no view: all
            Assert.Equal(3, byDefault.Count(i => i.GetProperty("applicationId").GetString() is string id && (id == claimedId || id == assignedId || id == openId)));

            using (HttpResponseMessage wrong = await ann.Api.Http.GetAsync("/api/worklist?view=everything"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
                Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
            }

            JsonElement caseworkers = await ExpectAsync(mia.Api.Http.GetAsync("/api/caseworkers"), HttpStatusCode.OK);
            JsonElement annLoad = caseworkers.GetProperty("caseworkers").EnumerateArray().Single(c => c.GetProperty("subject").GetString() == ann.Subject);
            Assert.Equal(("Ann Peeters", 2), (annLoad.GetProperty("name").GetString(), annLoad.GetProperty("openWorklist").GetInt32()));
            Assert.True(caseworkers.GetProperty("unassigned").GetInt32() >= 1);
        }
        finally
        {
            foreach (string id in new[] { claimedId, assignedId, openId })
            {
                await Scenario.EndAsync(host, id);
            }
        }
    }
}
