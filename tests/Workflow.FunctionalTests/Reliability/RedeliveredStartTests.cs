using Azure.Data.Tables;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Reliability;

/// <summary>
/// A host that dies after committing an application's first episode and before deleting its start message leaves that
/// message to be delivered again. The local host's sidecar would add it to the history as a second start, which the
/// engine refuses ("Multiple ExecutionStartedEvent found"): the message would come back, fail and come back again for
/// as long as the task hub lives. The local host drops it, as the Functions host's dispatcher does, and the workflow
/// goes on as if it had never come.
/// </summary>
public sealed class RedeliveredStartTests
{
    [Fact]
    public async Task A_start_message_delivered_again_to_a_running_application_is_dropped_and_the_workflow_goes_on()
    {
        using var logs = new CapturedLogs();
        await using PermitHost host = await PermitHost.StartAsync(
            new PermitHostOptions { FederalOffice = "Simulated" },
            builder => builder.Services.AddSingleton<ILoggerProvider>(logs));
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");

        // The start message as the provider keeps it in the history: the same execution, name, version and input.
        TableEntity first = Assert.Single(await StartsAsync(host.Storage, applicationId));
        var instance = new OrchestrationInstance { InstanceId = applicationId, ExecutionId = first.GetString("ExecutionId") };
        await host.Services.GetRequiredService<IOrchestrationServiceClient>().SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, first.GetString("Input"))
            {
                OrchestrationInstance = instance,
                Name = first.GetString("Name"),
                Version = first.GetString("Version"),
            },
        });

        // Dropped (and said so), not added to the history, which the engine refuses and would be tried again and again.
        await Eventually.HoldsAsync(
            () => Task.FromResult(logs.Lines.Any(l => l.Contains($"Instance {applicationId}: dropped a redelivered or stale ExecutionStarted message", StringComparison.Ordinal))),
            Scenario.StepTimeout,
            "the host to drop the copy of the start message");

        await host.Api.DecideAsync(applicationId, "approve");
        Assert.Equal("granted", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());

        Assert.Single(await StartsAsync(host.Storage, applicationId));
        List<string> timeline = await Scenario.TimelineAsync(host, applicationId);
        Assert.Equal(1, timeline.Count(e => e == "decided"));
        Assert.Equal(1, timeline.Count(e => e == "closed"));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Multiple ExecutionStartedEvent", StringComparison.Ordinal));

    }

    static async Task<List<TableEntity>> StartsAsync(StorageProbe storage, string applicationId)
    {
        var starts = new List<TableEntity>();
        await foreach (TableEntity row in storage.Table("History").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {applicationId} and EventType eq {nameof(EventType.ExecutionStarted)}")))
        {
            starts.Add(row);
        }

        return starts;
    }
}
