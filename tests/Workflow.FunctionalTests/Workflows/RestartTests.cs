using System.Text.Json.Nodes;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

public sealed class RestartTests
{
    [Fact]
    public async Task Applications_in_flight_complete_correctly_after_the_host_is_killed_and_restarted()
    {
        // Time runs slower here (four seconds per policy day) so the 15-day admissibility deadline outlives the restart.
        var options = new PermitHostOptions
        {
            PolicyDay = TimeSpan.FromSeconds(4),
            Extra = new Dictionary<string, string?> { ["Engine:LeaseInterval"] = "00:00:10" },
        };
        var applications = new List<string>();
        string unpaid;

        await using (HostProcess first = await HostProcess.StartAsync(options, workerId: "restart-first"))
        {
            for (int i = 0; i < 6; i++)
            {
                applications.Add(await first.Api.SubmitAsync(Samples.Load(Samples.WorkCard)));
            }

            unpaid = await first.Api.SubmitAsync(Samples.Load(Samples.ProfessionalCard));
            foreach (string applicationId in applications)
            {
                await first.Api.WaitForStageAsync(applicationId, "awaiting-decision", Scenario.StepTimeout);
            }

            // Half of the decisions go in just before the crash: their events may be in flight when the process dies.
            foreach (string applicationId in applications.Take(3))
            {
                await first.Api.DecideAsync(applicationId, "approve");
            }

            await first.Api.WaitForStageAsync(unpaid, "awaiting-applicant", Scenario.StepTimeout);
            await first.KillAsync();
        }

        // Another process, another worker id: it takes the partitions over once the dead worker's leases expire.
        await using HostProcess second = await HostProcess.StartAsync(options, workerId: "restart-second");
        foreach (string applicationId in applications.Skip(3))
        {
            await second.Api.DecideAsync(applicationId, "refuse", "category-conditions-not-met");
        }

        await second.Api.PayAsync(unpaid);
        await second.Api.WaitForStageAsync(unpaid, "awaiting-decision", Scenario.StepTimeout);
        await second.Api.DecideAsync(unpaid, "approve");

        foreach ((string applicationId, int index) in applications.Append(unpaid).Select((id, i) => (id, i)))
        {
            JsonNode closed = await second.Api.WaitForStageAsync(applicationId, "closed", Scenario.StepTimeout);
            string expected = index is >= 3 and < 6 ? "refused" : "granted";
            Assert.Equal(expected, closed["decision"]!["outcome"]!.GetValue<string>());
            List<string> timeline = [.. closed["timeline"]!.AsArray().Select(e => e!["event"]!.GetValue<string>())];
            Assert.Equal(1, timeline.Count(e => e == "decided"));
            Assert.Equal(1, timeline.Count(e => e == "caseworker-decided"));
        }
    }
}
