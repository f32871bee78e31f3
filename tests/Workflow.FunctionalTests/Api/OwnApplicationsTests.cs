using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Ports;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Tests.Shared;

namespace Workflow.FunctionalTests.Api;

/// <summary>
/// <c>GET /api/applications</c>: an employer's own applications from the index kept at submission, newest first, a page
/// at a time; never another's; a repeated submission listed once; each line only what the applicant's view shows.
/// </summary>
public sealed class OwnApplicationsTests
{
    [Fact]
    public async Task An_employer_lists_its_own_applications_newest_first_page_by_page_and_a_repeat_once()
    {
        PermitHost host = await SharedHost.GetAsync();
        string employer = FreshEnterpriseNumber(), other = FreshEnterpriseNumber();
        ApiClient mine = host.Api.As(AccessMatrix.Employer, employer);
        ApiClient theirs = host.Api.As(AccessMatrix.Employer, other);

        var bodies = new List<JsonObject>();
        var ids = new List<string>();
        try
        {
            foreach (int _ in Enumerable.Range(0, 3))
            {
                JsonObject body = WorkCardOf(employer);
                bodies.Add(body);
                ids.Add(await mine.SubmitAsync(body));
            }

            string theirId = await theirs.SubmitAsync(WorkCardOf(other));
            ids.Add(theirId);

            // Newest first, two and then one, the continuation leading exactly to the rest.
            JsonNode first = await ListAsync(mine, "?pageSize=2");
            Assert.Equal([ids[2], ids[1]], Ids(first));
            string continuation = first["continuation"]!.GetValue<string>();
            JsonNode second = await ListAsync(mine, $"?pageSize=2&continuation={Uri.EscapeDataString(continuation)}");
            Assert.Equal([ids[0]], Ids(second));
            Assert.Null(second["continuation"]);

            // The same submission again is the same application, listed once.
            using (HttpResponseMessage repeat = await mine.PostJsonAsync("/api/applications", bodies[1]))
            {
                Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
            }

            JsonNode all = await ListAsync(mine, "");
            Assert.Equal([ids[2], ids[1], ids[0]], Ids(all));
            Assert.Null(all["continuation"]);

            // Another employer sees only its own, and none of these.
            Assert.Equal([theirId], Ids(await ListAsync(theirs, "")));

            // A line tells what the applicant's own view tells, in its words, and nothing of the staff's record.
            JsonObject line = all["items"]![0]!.AsObject();
            JsonNode view = JsonNode.Parse(await mine.Http.GetStringAsync($"/api/applications/{ids[2]}"))!;
            Assert.Equal(bodies[2]["submissionId"]!.GetValue<string>(), line["submissionId"]!.GetValue<string>());
            Assert.Equal("work-card", line["category"]!.GetValue<string>());
            Assert.Equal("not-due", line["fee"]!.GetValue<string>());
            Assert.Equal("standard", line["track"]!.GetValue<string>());
            Assert.Contains(line["stage"]!.GetValue<string>(), new[] { "received", "awaiting-applicant", "in-assessment" });
            Assert.Equal(view["submittedAt"]!.GetValue<string>(), line["submittedAt"]!.GetValue<string>());
            Assert.Equal(view["sla"]!["dueAt"]!.GetValue<string>(), line["dueAt"]!.GetValue<string>());
            Assert.Equal($"/api/applications/{ids[2]}", line["statusUrl"]!.GetValue<string>());
            string[] staffOnly = ["federalLeg", "workflowVersion", "commandsUrl", "timeline", "overallDeadline", "openInformationRequestId"];
            Assert.DoesNotContain(line.Select(p => p.Key), staffOnly.Contains);
            Assert.Null(line["outcome"]);
        }
        finally
        {
            foreach (string id in ids)
            {
                await Scenario.EndAsync(host, id);
            }
        }
    }

    [Fact]
    public async Task An_entry_a_crash_left_unwritten_is_written_by_the_repeat_of_the_submission()
    {
        PermitHost host = await SharedHost.GetAsync();
        string employer = FreshEnterpriseNumber();
        ApiClient mine = host.Api.As(AccessMatrix.Employer, employer);
        JsonObject body = WorkCardOf(employer);
        string id = await mine.SubmitAsync(body);
        try
        {
            // As if the request had died between the reservation and the index: the row is gone.
            TableClient index = host.Storage.Table("ApplicantApplications");
            List<TableEntity> rows = [.. index.Query<TableEntity>(e => e.PartitionKey == employer)];
            TableEntity row = Assert.Single(rows);
            Assert.Equal(id, row.GetString("ApplicationId"));
            await index.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            Assert.Empty(Ids(await ListAsync(mine, "")));

            using HttpResponseMessage repeat = await mine.PostJsonAsync("/api/applications", body);
            Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
            Assert.Equal([id], Ids(await ListAsync(mine, "")));
            Assert.Equal(row.RowKey, Assert.Single(index.Query<TableEntity>(e => e.PartitionKey == employer)).RowKey);
        }
        finally
        {
            await Scenario.EndAsync(host, id);
        }
    }

    [Fact]
    public async Task The_submission_remembers_its_applications_owner_for_the_calls_that_follow_and_another_employer_is_still_refused()
    {
        PermitHost host = await SharedHost.GetAsync();
        string employer = FreshEnterpriseNumber();
        string id = await host.Api.As(AccessMatrix.Employer, employer).SubmitAsync(WorkCardOf(employer));
        try
        {
            // Remembered by the submission, before any call on the application: the employer's first one reads no ledger row.
            SubmissionRecord stored = (await host.Services.GetRequiredService<ISubmissionLedger>().GetAsync(id, CancellationToken.None))!;
            Assert.Equal(stored.ApplicantKey, host.Services.GetRequiredService<ApplicationOwners>().Recall(id));

            using HttpResponseMessage theirs = await host.Api.As(AccessMatrix.Employer, FreshEnterpriseNumber()).Http.GetAsync($"/api/applications/{id}");
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
            using HttpResponseMessage own = await host.Api.As(AccessMatrix.Employer, employer).Http.GetAsync($"/api/applications/{id}");
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        finally
        {
            await Scenario.EndAsync(host, id);
        }
    }

    [Fact]
    public async Task A_self_employed_applicant_lists_its_own_under_its_self_reference()
    {
        PermitHost host = await SharedHost.GetAsync();
        string reference = $"SE-{Guid.NewGuid():N}"[..20];
        JsonObject card = Samples.Load(Samples.ProfessionalCard, a => a["selfEmployed"]!["reference"] = reference);
        ApiClient self = host.Api.AsApplicant(card);
        string id = await self.SubmitAsync(card);
        try
        {
            JsonNode page = await ListAsync(self, "");
            Assert.Equal([id], Ids(page));
            Assert.Equal("professional-card", page["items"]![0]!["category"]!.GetValue<string>());
            Assert.Equal("due", page["items"]![0]!["fee"]!.GetValue<string>());
            Assert.Contains("fee", page["items"]![0]!["awaiting"]!.AsArray().Select(a => a!["item"]!.GetValue<string>()));
        }
        finally
        {
            await Scenario.EndAsync(host, id);
        }
    }

    [Theory]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=101")]
    [InlineData("?pageSize=ten")]
    [InlineData("?continuation=not-a-token")]
    [InlineData("?continuation=0000000000000000001-wp-<script>")]
    public async Task A_bad_page_request_is_a_400_problem(string query)
    {
        PermitHost host = await SharedHost.GetAsync();
        using HttpResponseMessage response = await host.Api.As(AccessMatrix.Employer, FreshEnterpriseNumber()).Http.GetAsync("/api/applications" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await ApiClient.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Staff_get_403_and_an_employer_asking_for_another_applicant_or_without_one_too()
    {
        PermitHost host = await SharedHost.GetAsync();
        foreach (string role in new[] { AccessMatrix.Caseworker, AccessMatrix.Manager, AccessMatrix.Inspector })
        {
            using HttpResponseMessage staff = await host.Api.As(role).Http.GetAsync("/api/applications");
            Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        }

        string employer = FreshEnterpriseNumber();
        using HttpResponseMessage foreign = await host.Api.As(AccessMatrix.Employer, employer).Http.GetAsync($"/api/applications?applicant={FreshEnterpriseNumber()}");
        using HttpResponseMessage own = await host.Api.As(AccessMatrix.Employer, employer).Http.GetAsync($"/api/applications?applicant=BE{employer}");
        using HttpResponseMessage none = await host.Api.As(AccessMatrix.Employer).Http.GetAsync("/api/applications");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
    }

    static async Task<JsonNode> ListAsync(ApiClient client, string query)
    {
        using HttpResponseMessage response = await client.Http.GetAsync("/api/applications" + query);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The list answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    static string[] Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(i => i!["applicationId"]!.GetValue<string>())];

    static JsonObject WorkCardOf(string kbo) => Samples.Load(Samples.WorkCard, a => a["employer"]!["kbo"] = kbo);

    /// <summary>A KBO number no other test uses: random first 8 digits (starting with 0 or 1) and their check digits.</summary>
    internal static string FreshEnterpriseNumber()
    {
        long firstEight = Random.Shared.NextInt64(1_000_000, 20_000_000);
        return string.Create(CultureInfo.InvariantCulture, $"{firstEight:D8}{97 - (firstEight % 97):D2}");
    }
}
