using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>
/// Every alerting milestone of a single permit nobody decides: the SLA ones, the late federal answer and the overall
/// single-permit deadline (90 days under directive 2024/1233). On a host of its own at a fifth of a second per
/// policy day, so the 90 days take 18 s; only order and "once each" are asserted at that speed, not exact times.
/// </summary>
public sealed class DeadlineAlertTests : IAsyncLifetime
{
    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(new PermitHostOptions { PolicyDay = TimeSpan.FromMilliseconds(200) });

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task An_undecided_single_permit_raises_every_milestone_once_in_the_order_of_its_plan()
    {
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(this.host, Samples.MinisterOfReligion);
        try
        {
            JsonNode status = await this.host.Api.GetAsync(applicationId);
            DateTimeOffset overallDeadline = Scenario.Time(status["overallDeadline"]);
            DateTimeOffset handedOff = Scenario.Time(status["federalLeg"]!["handedOffAt"]);

            // Every milestone, not just the last by plan: the federal ones count from the handoff, the overall ones
            // from submission, so under load (a slow payment is many fifth-of-a-second days) their order can shift.
            string[] expected = ["reminder", "at-risk", "breached", "escalated", "federal-answer-late", "federal-escalated", "overall-deadline-near", "overall-deadline-passed"];
            await Eventually.HoldsAsync(
                async () => (await Scenario.TimelineAsync(this.host, applicationId)) is var fired && expected.All(kind => fired.Contains($"milestone-{kind}")),
                Scenario.StepTimeout,
                "every milestone to fire");

            List<TableEntity> outbox = await this.host.Storage.OutboxAsync(applicationId);
            Assert.Equal(expected.Order(), outbox.Select(r => r.RowKey).Order());

            List<string> timeline = await Scenario.TimelineAsync(this.host, applicationId);
            Assert.All(expected, kind => Assert.Equal(1, timeline.Count(e => e == $"milestone-{kind}")));

            // The publication of each is on record too, once, by the effect itself.
            JsonArray entries = (await this.host.Api.GetAsync(applicationId))["timeline"]!.AsArray();
            Assert.All(expected, kind => Assert.Single(entries, e => e!["event"]!.GetValue<string>() == "alert-published" && e["details"]!["milestone"]!.GetValue<string>() == kind));

            // Fired in the order they fall: the audit log's order matches the milestones' own times.
            List<(string Kind, DateTimeOffset At)> planned = [.. outbox
                .Select(r => (r.RowKey, Scenario.Time(JsonNode.Parse(r.GetString("Payload"))!["milestoneAt"])))
                .OrderBy(m => m.Item2)];
            List<string> firedOrder = [.. timeline.Where(e => e.StartsWith("milestone-", StringComparison.Ordinal)).Select(e => e["milestone-".Length..])];
            Assert.Equal(planned.Select(m => m.Kind), firedOrder);

            Assert.Equal(overallDeadline, planned.Single(m => m.Kind == "overall-deadline-passed").At);
            Assert.Equal(overallDeadline.AddDays(-14), planned.Single(m => m.Kind == "overall-deadline-near").At);
            Assert.Equal(handedOff.AddDays(30), planned.Single(m => m.Kind == "federal-answer-late").At);
        }
        finally
        {
            await Scenario.EndAsync(this.host, applicationId);
        }
    }
}
