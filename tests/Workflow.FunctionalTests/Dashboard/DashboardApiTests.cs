using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Tests.Shared;

namespace Workflow.FunctionalTests.Dashboard;

/// <summary>
/// The dashboard's read model on the real engine: the workflow itself keeps the KPI projection as the application
/// goes (its milestones, the assessment's salary band and signals), and the dashboard's API reads it, for managers only.
/// </summary>
public sealed class DashboardApiTests
{
    [Fact]
    public async Task The_workflow_keeps_the_projection_the_dashboard_reads_from_submission_to_decision()
    {
        PermitHost host = await SharedHost.GetAsync();
        ICaseFacts projection = host.Services.GetRequiredService<ICaseFacts>();
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);
        try
        {
            // On the caseworker's desk: complete, assessed, handed off to the federal office.
            RecordedCase waiting = await Eventually.ReturnsAsync(
                async () => (await projection.ListAsync(CancellationToken.None)).SingleOrDefault(r => r.Case.ApplicationId == applicationId && r.Case.Stage == Stage.AwaitingDecision && r.Assessment is not null),
                Scenario.StepTimeout,
                "the projection row of the application awaiting its decision");
            Assert.Equal(PermitCategory.HighlySkilled, waiting.Case.Category);
            Assert.Equal(SlaTrack.FastLane, waiting.Case.Sla.Terms.Track);
            Assert.NotNull(waiting.Case.CompleteAt);
            Assert.NotNull(waiting.Case.FederalHandedOffAt);
            Assert.Null(waiting.Case.Outcome);
            Assert.Contains(waiting.Assessment!.SalaryBand, SalaryBands.All);
            Assert.NotNull(waiting.Assessment.SalaryReferenceYear);

            ApiClient manager = host.Api.As(Roles.Manager);
            JsonNode now = (await manager.Http.GetFromJsonNodeAsync("/api/dashboard/now"))!;
            JsonNode handoff = now["federalHandoffs"]!.AsArray().Single(f => f!["applicationId"]!.GetValue<string>() == applicationId)!;
            Assert.Equal($"/workbench/#/applications/{applicationId}", handoff["workbenchUrl"]!.GetValue<string>());
            Assert.True(now["openApplications"]!.GetValue<int>() >= 1);
            Assert.Contains(now["open"]!.AsArray(), o => o!["stage"]!.GetValue<string>() == "awaiting-decision" && o["count"]!.GetValue<int>() >= 1);

            // Decided and closed: the outcome, the decision time and the federal answer reach the projection.
            using HttpResponseMessage federal = await host.Api.FederalAsync(applicationId, handoffId!, "decision", "approved");
            Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
            await host.Api.DecideAsync(applicationId, "approve");
            await Scenario.CompletedAsync(host, applicationId);
            RecordedCase closed = await Eventually.ReturnsAsync(
                async () => (await projection.ListAsync(CancellationToken.None)).SingleOrDefault(r => r.Case.ApplicationId == applicationId && r.Case.Stage == Stage.Closed),
                Scenario.StepTimeout,
                "the projection row of the closed application");
            Assert.Equal(Outcome.Granted, closed.Case.Outcome);
            Assert.NotNull(closed.Case.DecidedAt);
            Assert.NotNull(closed.Case.FederalAnsweredAt);
            Assert.True(closed.Case.RecordedAt > waiting.Case.RecordedAt, "each record carries the time of the episode that made it (RecordOrder)");
            Assert.Equal((waiting.Assessment.SalaryBand, waiting.Assessment.SalaryReferenceYear), (closed.Assessment?.SalaryBand, closed.Assessment?.SalaryReferenceYear)); // the case's writes left the assessment's columns alone
            Assert.True(closed.Case.Revision > waiting.Case.Revision);

            JsonNode kpis = (await manager.Http.GetFromJsonNodeAsync("/api/dashboard/kpis"))!;
            string month = Orchestrations.Cases.CaseFacts.MonthOf(closed.Case.DecidedAt!.Value);
            JsonNode row = kpis["months"]!.AsArray().Single(m => m!["month"]!.GetValue<string>() == month && m["track"]!.GetValue<string>() == "fast-lane")!;
            Assert.True(row["decided"]!.GetValue<int>() >= 1);
            Assert.True(row["granted"]!.GetValue<int>() >= 1);
            Assert.Equal(15, row["targetDays"]!.GetValue<int>());
            Assert.Contains(kpis["targets"]!.AsArray(), t => t!["track"]!.GetValue<string>() == "standard-peak" && t["days"]!.GetValue<int>() == 45);
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task The_projection_keeps_the_latest_revision_and_the_assessment_whatever_the_order_of_the_writes()
    {
        PermitHost host = await SharedHost.GetAsync();
        ICaseFacts projection = host.Services.GetRequiredService<ICaseFacts>();
        string applicationId = $"DASH-{Guid.NewGuid():N}";
        CaseFacts decided = CaseFactsSeeds.Decided(applicationId, PermitCategory.HighlySkilled, new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), 5);
        CaseFacts earlier = decided with { Revision = decided.Revision - 1, Stage = Stage.AwaitingDecision, Outcome = null, DecidedAt = null, ClosedAt = null };
        var assessment = new AssessmentFacts(SalaryBands.UpTo125, 2025, ["economic-hub"]);

        // The assessment may come first: its row is not listed until the case is recorded.
        await projection.RecordAssessmentAsync(applicationId, assessment, CancellationToken.None);
        Assert.DoesNotContain(await projection.ListAsync(CancellationToken.None), r => r.Case.ApplicationId == applicationId);

        await projection.RecordAsync(decided, CancellationToken.None);
        await projection.RecordAsync(earlier, CancellationToken.None); // a late write of an older revision
        await projection.RecordAsync(decided, CancellationToken.None); // a retried activity

        RecordedCase row = Assert.Single(await projection.ListAsync(CancellationToken.None), r => r.Case.ApplicationId == applicationId);
        Assert.Equal((decided.Revision, Stage.Closed, Outcome.Granted), (row.Case.Revision, row.Case.Stage, row.Case.Outcome));
        Assert.Equal((decided.Sla.Start, decided.Sla.StoppedAt, decided.Sla.Terms.Track), (row.Case.Sla.Start, row.Case.Sla.StoppedAt, row.Case.Sla.Terms.Track));
        Assert.Equal((assessment.SalaryBand, assessment.SalaryReferenceYear), (row.Assessment?.SalaryBand, row.Assessment?.SalaryReferenceYear));
        Assert.Equal(["economic-hub"], row.Assessment!.Signals);
    }

    [Fact]
    public async Task The_evaluation_counts_the_registry_s_proposals_confirmations_and_lifts_and_a_bad_month_range_is_refused()
    {
        PermitHost host = await SharedHost.GetAsync();
        ApiClient manager = host.Api.AsPerson(Roles.Manager, "mgr-dash", "Mia Manager");
        ApiClient inspector = host.Api.AsPerson(Roles.Inspector, "insp-dash", "An Inspector");
        string month = CaseFacts.MonthOf(DateTimeOffset.UtcNow);
        async Task<(int Proposed, int Confirmed, int Lifted)> CountsAsync()
        {
            JsonNode kpis = (await manager.Http.GetFromJsonNodeAsync($"/api/dashboard/kpis?from={month}&to={month}"))!;
            Assert.Equal(month, kpis["range"]!["from"]!.GetValue<string>());
            JsonNode? row = kpis["evaluation"]!["registry"]!.AsArray().SingleOrDefault(r => r!["month"]!.GetValue<string>() == month);
            return row is null ? (0, 0, 0) : (row["proposed"]!.GetValue<int>(), row["confirmed"]!.GetValue<int>(), row["lifted"]!.GetValue<int>());
        }

        (int proposed, int confirmed, int lifted) = await CountsAsync();
        string exclusionId = $"EXC-DASH-{Guid.NewGuid():N}"[..24];
        var proposal = new JsonObject
        {
            ["exclusionId"] = exclusionId, ["party"] = "employer", ["partyReference"] = "0555123971", ["from"] = "2026-01-01",
            ["reasonCode"] = "illegal-employment", ["decisionReference"] = "SANCTION-DASH",
        };
        using (HttpResponseMessage proposedNow = await inspector.PostJsonAsync("/api/exclusions", proposal))
        using (HttpResponseMessage confirmedNow = await manager.PostJsonAsync($"/api/exclusions/{exclusionId}/confirm", new JsonObject()))
        using (HttpResponseMessage liftProposed = await manager.PostJsonAsync($"/api/exclusions/{exclusionId}/lift", new JsonObject { ["changeId"] = "LIFT-1", ["reasonCode"] = "annulled-on-appeal", ["decisionReference"] = "APPEAL-DASH" }))
        using (HttpResponseMessage liftConfirmed = await inspector.PostJsonAsync($"/api/exclusions/{exclusionId}/changes/LIFT-1/confirm", new JsonObject()))
        {
            Assert.True(proposedNow.IsSuccessStatusCode, await proposedNow.Content.ReadAsStringAsync());
            Assert.True(confirmedNow.IsSuccessStatusCode && liftProposed.IsSuccessStatusCode && liftConfirmed.IsSuccessStatusCode);
        }

        (int Proposed, int Confirmed, int Lifted) after = await CountsAsync(); // other tests may add their own: at least one more each
        Assert.True(after.Proposed >= proposed + 1 && after.Confirmed >= confirmed + 1 && after.Lifted >= lifted + 1, $"{(proposed, confirmed, lifted)} then {after}");

        foreach (string query in new[] { "?from=2026-09", "?from=2026-9&to=2026-10", "?from=2026-12&to=2026-01", "?from=2019-01&to=2026-01" })
        {
            using HttpResponseMessage refused = await manager.Http.GetAsync($"/api/dashboard/kpis{query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_caseworker_reads_the_open_applications_assigned_to_them_and_no_one_else_s()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        try
        {
            ApiClient mine = host.Api.AsPerson(Roles.Caseworker, $"cw-{Guid.NewGuid():N}"[..12], "Kim Claes");
            ApiClient other = host.Api.AsPerson(Roles.Caseworker, $"cw-{Guid.NewGuid():N}"[..12], "Lou Maes");
            using (HttpResponseMessage claimed = await mine.PostJsonAsync($"/api/applications/{applicationId}/assignment/claim", new JsonObject()))
            {
                Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
            }

            JsonNode own = (await mine.Http.GetFromJsonNodeAsync("/api/dashboard/mine"))!;
            Assert.Equal(1, own["openApplications"]!.GetValue<int>());
            Assert.Equal([("awaiting-decision", 1)], own["open"]!.AsArray().Select(o => (o!["stage"]!.GetValue<string>(), o["count"]!.GetValue<int>())));
            JsonNode nobody = (await other.Http.GetFromJsonNodeAsync("/api/dashboard/mine"))!;
            Assert.Equal(0, nobody["openApplications"]!.GetValue<int>());

            using HttpResponseMessage inspector = await host.Api.As(Roles.Inspector).Http.GetAsync("/api/dashboard/mine");
            Assert.Equal(HttpStatusCode.Forbidden, inspector.StatusCode);
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Theory]
    [InlineData("/api/dashboard/now")]
    [InlineData("/api/dashboard/kpis")]
    public async Task Only_managers_read_the_dashboard_others_are_refused_with_a_problem(string path)
    {
        PermitHost host = await SharedHost.GetAsync();
        using HttpResponseMessage manager = await host.Api.As(Roles.Manager).Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, manager.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await manager.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("asOf", out _));

        foreach (string role in new[] { Roles.Caseworker, Roles.Inspector })
        {
            using HttpResponseMessage refused = await host.Api.As(role).Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using var anonymous = new HttpRequestMessage(HttpMethod.Get, path);
        using HttpClient bare = new() { BaseAddress = host.Api.Http.BaseAddress };
        using HttpResponseMessage unauthenticated = await bare.SendAsync(anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }
}
