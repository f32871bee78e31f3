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
            Assert.Equal((waiting.Assessment.SalaryBand, waiting.Assessment.SalaryReferenceYear), (closed.Assessment?.SalaryBand, closed.Assessment?.SalaryReferenceYear)); // the case's writes left the assessment's columns alone
            Assert.True(closed.Case.Revision > waiting.Case.Revision);

            JsonNode kpis = (await manager.Http.GetFromJsonNodeAsync("/api/dashboard/kpis"))!;
            string month = Application.Dashboard.DashboardQueries.MonthOf(closed.Case.DecidedAt!.Value);
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
