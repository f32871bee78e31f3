using Microsoft.AspNetCore.Http;
using Workflow.Application.Assignments;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Functions.Http;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Functions.Tests;

/// <summary>
/// The assignment functions called as the worker calls them (ports in memory): claims, releases and a manager's
/// assignment answer as the local host does, with the same problems; the worklist's views and the caseworkers' load.
/// </summary>
public sealed class AssignmentTriggerTests : IAsyncLifetime
{
    const string Ann = "00000000-0000-0000-0000-00000000a001";
    const string Bert = "00000000-0000-0000-0000-00000000b002";
    const string Mia = "00000000-0000-0000-0000-00000000c003";

    FunctionsApp app = null!;

    public Task InitializeAsync()
    {
        this.app = FunctionsApp.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    [Fact]
    public async Task A_claim_a_repeat_a_conflict_a_refused_release_and_a_managers_reassignment_answer_as_the_local_host_does()
    {
        string id = await this.OnWorklistAsync("work-card.json");

        HttpOutcome claimed = await this.ClaimAsync(id, Caseworker(Ann, "Ann Peeters"));
        Assert.Equal(StatusCodes.Status200OK, claimed.Status);
        Assert.Equal(Ann, claimed.Json.GetProperty("assignee").GetProperty("subject").GetString());
        Assert.False(claimed.Json.GetProperty("repeated").GetBoolean());
        Assert.Equal(AssignmentEvents.Assigned, claimed.Json.GetProperty("event").GetString());

        HttpOutcome again = await this.ClaimAsync(id, Caseworker(Ann, "Ann Peeters"));
        Assert.Equal(StatusCodes.Status200OK, again.Status);
        Assert.True(again.Json.GetProperty("repeated").GetBoolean());

        HttpOutcome taken = await this.ClaimAsync(id, Caseworker(Bert, "Bert Claes"));
        Assert.Equal(StatusCodes.Status409Conflict, taken.Status);
        Assert.Equal("application/problem+json", taken.ContentType);
        Assert.Contains("Ann Peeters", taken.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);

        HttpOutcome notHis = await this.InvokeAsync("POST", $"/api/applications/{id}/assignment/release", null, Caseworker(Bert, "Bert Claes"),
            (http, context) => AssignmentHttpFunctions.ReleaseApplication(http.Request, id, context, CancellationToken.None));
        Assert.Equal(StatusCodes.Status409Conflict, notHis.Status);

        HttpOutcome reassigned = await this.AssignAsync(id, $$"""{"caseworker":"{{Bert}}","name":"Bert Claes","reason":"Ann is on leave."}""");
        Assert.Equal(StatusCodes.Status200OK, reassigned.Status);
        Assert.Equal(AssignmentEvents.Reassigned, reassigned.Json.GetProperty("event").GetString());

        AuditEntry[] rows = [.. this.app.AuditLog.Entries.Where(e => e.ApplicationId == id && AssignmentEvents.All.Contains(e.Event)).OrderBy(e => e.Key, StringComparer.Ordinal)];
        Assert.Equal([AssignmentEvents.Assigned, AssignmentEvents.Reassigned], rows.Select(r => r.Event));
        Assert.Equal((Ann, "Ann Peeters", "caseworker"), (rows[0].BySubject, rows[0].ByName, rows[0].Actor));
        Assert.Equal((Mia, "manager", Bert, Ann), (rows[1].BySubject, rows[1].Actor, rows[1].Details["assignee"], rows[1].Details["previous"]));

        HttpOutcome view = await this.InvokeAsync("GET", $"/api/applications/{id}/assignment", null, Manager(),
            (http, context) => AssignmentHttpFunctions.GetAssignment(http.Request, id, context, CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, view.Status);
        Assert.Equal("Ann is on leave.", view.Json.GetProperty("history")[1].GetProperty("reason").GetString());

        HttpOutcome caseworkers = await this.InvokeAsync("GET", "/api/caseworkers", null, Manager(),
            (http, context) => AssignmentHttpFunctions.GetCaseworkers(http.Request, context, CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, caseworkers.Status);
        var load = caseworkers.Json.GetProperty("caseworkers").EnumerateArray().ToDictionary(c => c.GetProperty("subject").GetString()!, c => c.GetProperty("openWorklist").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [Ann] = 0, [Bert] = 1 }, load);

        HttpOutcome mine = await this.WorklistAsync("?view=mine", Caseworker(Bert, "Bert Claes"));
        Assert.Equal(id, Assert.Single(mine.Json.GetProperty("items").EnumerateArray()).GetProperty("applicationId").GetString());
        Assert.Equal(0, (await this.WorklistAsync("?view=mine", Caseworker(Ann, "Ann Peeters"))).Json.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await this.WorklistAsync("?view=unassigned", Caseworker(Ann, "Ann Peeters"))).Json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_is_a_400_problem_that_stores_nothing_an_unknown_application_a_404_and_one_not_on_record_yet_a_409_with_Retry_After()
    {
        string id = await this.OnWorklistAsync("work-card.json");
        foreach (string body in new[] { "{}", """{"caseworker":"two words"}""", """{"caseworker":"ann","reason":"<b>x</b>"}""", """{"caseworker":"ann","extra":1}""", "[]", $$"""{"caseworker":"ann","reason":"{{new string('x', AssignmentCommands.MaxReasonLength + 1)}}"}""" })
        {
            HttpOutcome refused = await this.AssignAsync(id, body);
            Assert.Equal(StatusCodes.Status400BadRequest, refused.Status);
            Assert.Equal("application/problem+json", refused.ContentType);
        }

        Assert.Null((await this.app.Assignments.GetAsync(id, CancellationToken.None))!.Assignment.Assignee);
        Assert.DoesNotContain(this.app.AuditLog.Entries, e => AssignmentEvents.All.Contains(e.Event));

        string unknown = ApplicationIds.Derive("0412345614", "NEVER-SUBMITTED");
        Assert.Equal(StatusCodes.Status404NotFound, (await this.ClaimAsync(unknown, Caseworker(Ann, null))).Status);
        Assert.Equal(StatusCodes.Status404NotFound, (await this.ClaimAsync("not-an-id", Caseworker(Ann, null))).Status);

        HttpOutcome submitted = await this.SubmitAsync("highly-skilled.json"); // received, its case not recorded by the workflow yet
        HttpOutcome early = await this.ClaimAsync(submitted.Json.GetProperty("applicationId").GetString()!, Caseworker(Ann, null));
        Assert.Equal(StatusCodes.Status409Conflict, early.Status);
        Assert.True(early.Headers.RetryAfter.Count > 0);

        HttpOutcome badView = await this.WorklistAsync("?view=everything", Caseworker(Ann, null));
        Assert.Equal(StatusCodes.Status400BadRequest, badView.Status);
        Assert.Equal("application/problem+json", badView.ContentType);
    }

    [Fact]
    public async Task A_decided_application_refuses_a_claim_with_the_reason()
    {
        string id = await this.OnWorklistAsync("work-card.json", Stage.Closed);

        HttpOutcome refused = await this.ClaimAsync(id, Caseworker(Ann, null));

        Assert.Equal(StatusCodes.Status409Conflict, refused.Status);
        Assert.Contains("decided", refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    static string Caseworker(string subject, string? name) => EasyAuth.Encode(
        "aad",
        [("http://schemas.microsoft.com/identity/claims/objectidentifier", subject), ("roles", "caseworker"), .. name is null ? [] : new[] { ("name", name) }]);

    static string Manager() => EasyAuth.Encode(
        "aad", ("http://schemas.microsoft.com/identity/claims/objectidentifier", Mia), ("name", "Mia Manager"), ("roles", "manager"));

    /// <summary>Submits a sample and records its case in the index as the workflow would, at <paramref name="stage"/>.</summary>
    async Task<string> OnWorklistAsync(string sample, Stage stage = Stage.AwaitingDecision)
    {
        HttpOutcome submitted = await this.SubmitAsync(sample);
        string id = submitted.Json.GetProperty("applicationId").GetString()!;
        SubmissionRecord record = (await this.app.Ledger.GetAsync(id, CancellationToken.None))!;
        await this.app.CaseIndex.UpsertAsync(CommandGate.AsSubmitted(record, PolicyCatalog.Embedded, TimeSpan.FromDays(1)) with { Stage = stage }, CancellationToken.None);
        return id;
    }

    async Task<HttpOutcome> SubmitAsync(string sample)
    {
        string json = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, sample));
        string applicant = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("employer").GetProperty("kbo").GetString()!;
        HttpOutcome outcome = await this.InvokeAsync("POST", "/api/applications", json, EasyAuth.Header("employer", applicant),
            (http, context) => PermitHttpFunctions.SubmitApplication(http.Request, this.app.Client, context, CancellationToken.None));
        Assert.Equal(StatusCodes.Status202Accepted, outcome.Status);
        return outcome;
    }

    Task<HttpOutcome> ClaimAsync(string id, string principal) =>
        this.InvokeAsync("POST", $"/api/applications/{id}/assignment/claim", null, principal,
            (http, context) => AssignmentHttpFunctions.ClaimApplication(http.Request, id, context, CancellationToken.None));

    Task<HttpOutcome> AssignAsync(string id, string body) =>
        this.InvokeAsync("PUT", $"/api/applications/{id}/assignment", body, Manager(),
            (http, context) => AssignmentHttpFunctions.AssignApplication(http.Request, id, context, CancellationToken.None));

    Task<HttpOutcome> WorklistAsync(string query, string principal) =>
        this.InvokeAsync("GET", "/api/worklist", null, principal, (http, context) =>
        {
            http.Request.QueryString = new QueryString(query);
            return PermitHttpFunctions.GetWorklist(http.Request, context, CancellationToken.None);
        });

    async Task<HttpOutcome> InvokeAsync(string method, string path, string? json, string principal, Func<DefaultHttpContext, TestFunctionContext, Task<IResult>> function)
    {
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation(method, path, json, principal: principal);
        await using (context)
        {
            return await HttpOutcome.ExecuteAsync(await function(http, context), http);
        }
    }
}
