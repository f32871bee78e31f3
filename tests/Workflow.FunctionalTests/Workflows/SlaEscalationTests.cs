using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

public sealed class SlaEscalationTests
{
    [Fact]
    public async Task A_standard_application_never_decided_raises_reminder_at_risk_breach_and_escalation_once_each_in_order()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.MediumSkilledShortage);
        try
        {
            JsonNode waiting = await host.Api.GetAsync(applicationId);
            Assert.Equal(30, waiting["sla"]!["dueDays"]!.GetValue<int>());

            // 30 policy days to the due date, escalation 5 days after: about 35 s at one second per policy day.
            await Eventually.HoldsAsync(
                async () => (await Scenario.TimelineAsync(host, applicationId)).Contains("milestone-escalated"),
                Scenario.StepTimeout,
                "the escalation to be recorded");

            List<TableEntity> outbox = await host.Storage.OutboxAsync(applicationId);
            string[] sla = ["reminder", "at-risk", "breached", "escalated"];
            List<(string Milestone, DateTimeOffset At)> fired = [.. outbox
                .Where(row => sla.Contains(row.RowKey))
                .Select(row => (row.RowKey, Scenario.Time(JsonNode.Parse(row.GetString("Payload"))!["milestoneAt"])))
                .OrderBy(m => m.Item2)];
            Assert.Equal(sla, fired.Select(m => m.Milestone));
            Assert.All(outbox, row => Assert.Equal($"{applicationId}:{row.RowKey}", row.GetString("IdempotencyKey")));

            // The workflow fired each milestone once (the outbox key alone would hide a second firing).
            List<string> timeline = await Scenario.TimelineAsync(host, applicationId);
            foreach (string milestone in sla)
            {
                Assert.Equal(1, timeline.Count(e => e == $"milestone-{milestone}"));
            }

            DateTimeOffset due = Scenario.Time((await host.Api.GetAsync(applicationId))["sla"]!["dueAt"]);
            Assert.Equal(due, fired.Single(m => m.Milestone == "breached").At);
            Assert.Equal(due.AddDays(-10), fired.Single(m => m.Milestone == "reminder").At);
            Assert.Equal(due.AddDays(5), fired.Single(m => m.Milestone == "escalated").At);

            JsonNode status = await host.Api.GetAsync(applicationId);
            Assert.Equal("breached", status["sla"]!["state"]!.GetValue<string>());

            // Managers received each alert once, whatever the queue redelivered.
            await Eventually.HoldsAsync(
                async () => (await host.Storage.DeliveredAlertsAsync(applicationId)).Count(r => sla.Contains(r.RowKey)) == 4,
                Scenario.StepTimeout,
                "the four alerts delivered to their audience");
            JsonElement alerts = JsonDocument.Parse(await host.Api.As(Roles.Manager).Http.GetStringAsync($"/api/alerts?applicationId={applicationId}")).RootElement.GetProperty("items");
            Assert.Equal(4, alerts.EnumerateArray().Count(a => sla.Contains(a.GetProperty("alert").GetProperty("milestone").GetString())));
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }
}
