using Microsoft.DurableTask.Client;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>
/// A new deployment finishes the applications an older one started (README "Versioning"): hosts of version N and N+1
/// run one after the other on the same task hub and storage, as in a deployment. An older host never runs an instance a
/// newer one started: it leaves it (Reject), and the newer host completes it.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class VersioningTests
{
    static PermitHostOptions Version(string name, string version) => new()
    {
        Name = name,
        Extra = new Dictionary<string, string?> { ["Engine:WorkflowVersion"] = version },
    };

    [Fact]
    public async Task Instances_started_on_version_N_complete_on_version_N_plus_1_and_an_older_host_leaves_newer_instances_alone()
    {
        string name = "v" + Guid.NewGuid().ToString("N")[..10];
        var started = new List<string>();

        await using (PermitHost versionN = await PermitHost.StartAsync(Version(name, "1.0")))
        {
            for (int i = 0; i < 3; i++)
            {
                started.Add(await versionN.Api.SubmitAsync(Samples.Load(Samples.WorkCard)));
            }

            foreach (string applicationId in started)
            {
                await versionN.Api.WaitForStageAsync(applicationId, "awaiting-decision");
                Assert.Equal("1.0", await versionN.Storage.InstanceVersionAsync(applicationId));
            }
        }

        string newer;
        await using (PermitHost versionNext = await PermitHost.StartAsync(Version(name, "1.1")))
        {
            foreach (string applicationId in started)
            {
                await versionNext.Api.DecideAsync(applicationId, "approve");
            }

            foreach (string applicationId in started)
            {
                Assert.Equal("granted", (await Scenario.CompletedAsync(versionNext, applicationId))["outcome"]!.GetValue<string>());
            }

            // One started by the new version, left waiting for its caseworker.
            newer = await versionNext.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
            await versionNext.Api.WaitForStageAsync(newer, "awaiting-decision");
            Assert.Equal("1.1", await versionNext.Storage.InstanceVersionAsync(newer));
        }

        // A straggling old host gets the decision's event but must not run the 1.1 instance with 1.0 code.
        await using (PermitHost straggler = await PermitHost.StartAsync(Version(name, "1.0")))
        {
            await straggler.Api.DecideAsync(newer, "approve");
            using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => straggler.Engine.WaitForInstanceCompletionAsync(newer, cancellation: waiting.Token));
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await straggler.Engine.GetInstanceAsync(newer))!.RuntimeStatus);
        }

        await using (PermitHost versionNext = await PermitHost.StartAsync(Version(name, "1.1")))
        {
            Assert.Equal("granted", (await Scenario.CompletedAsync(versionNext, newer))["outcome"]!.GetValue<string>());
        }
    }
}
