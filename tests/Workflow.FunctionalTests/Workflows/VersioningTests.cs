using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Workflows.PermitApplication;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>
/// A new deployment finishes the applications an older one started (README "Versioning"): a host of an older version
/// (1.0, the first release's steps; 2.0, the case model with an activity per transition) and one of the current version
/// run one after the other on the same task hub and storage, as in a deployment. The 1.0 instances finish on their own steps under the new code; an older host
/// never runs an instance a newer one started: it leaves it (Reject), and the newer host completes it.
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

        await using (PermitHost versionN = await PermitHost.StartAsync(Version(name, PermitWorkflowVersions.Version1)))
        {
            for (int i = 0; i < 3; i++)
            {
                started.Add(await versionN.Api.SubmitAsync(Samples.Load(Samples.WorkCard)));
            }

            foreach (string applicationId in started)
            {
                await versionN.Api.WaitForStageAsync(applicationId, "awaiting-decision");
                Assert.Equal(PermitWorkflowVersions.Version1, await versionN.Storage.InstanceVersionAsync(applicationId));
                Assert.Equal(PermitWorkflowVersions.Version1, (await versionN.Api.GetAsync(applicationId))["workflowVersion"]!.GetValue<string>());
            }
        }

        string newer;
        await using (PermitHost versionNext = await PermitHost.StartAsync(Version(name, PermitWorkflowVersions.Current)))
        {
            // The commands 1.0 never knew are refused for its instances, with the reason; the ones it knows still work.
            using (HttpResponseMessage withdrawal = await versionNext.Api.AsEmployerOf(started[0]).PostJsonAsync(
                $"/api/applications/{started[0]}/withdrawal", new System.Text.Json.Nodes.JsonObject { ["withdrawalId"] = "W-1" }))
            {
                Assert.Equal(System.Net.HttpStatusCode.Conflict, withdrawal.StatusCode);
                Assert.Contains("before withdrawals", (await ApiClient.ProblemAsync(withdrawal)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

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
            Assert.Equal(PermitWorkflowVersions.Current, await versionNext.Storage.InstanceVersionAsync(newer));
        }

        // A straggling old host gets the decision's event but must not run the 2.0 instance with 1.0 code.
        await using (PermitHost straggler = await PermitHost.StartAsync(Version(name, PermitWorkflowVersions.Version1)))
        {
            await straggler.Api.DecideAsync(newer, "approve");
            using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => straggler.Engine.WaitForInstanceCompletionAsync(newer, cancellation: waiting.Token));
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await straggler.Engine.GetInstanceAsync(newer))!.RuntimeStatus);
        }

        await using (PermitHost versionNext = await PermitHost.StartAsync(Version(name, PermitWorkflowVersions.Current)))
        {
            Assert.Equal("granted", (await Scenario.CompletedAsync(versionNext, newer))["outcome"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_version_2_0_instance_keeps_an_activity_per_transition_under_2_1_code_and_a_2_1_instance_records_with_its_work()
    {
        string name = "v" + Guid.NewGuid().ToString("N")[..10];

        // Submitted on 2.0 and the host stopped at once: the 2.1 host runs (nearly) all of its steps live, on 2.0's path.
        string older;
        await using (PermitHost version20 = await PermitHost.StartAsync(Version(name, PermitWorkflowVersions.CaseModel)))
        {
            older = await version20.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
        }

        await using PermitHost current = await PermitHost.StartAsync(Version(name, PermitWorkflowVersions.Current));
        Assert.Equal(PermitWorkflowVersions.CaseModel, await current.Storage.InstanceVersionAsync(older));
        string newer = await current.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
        foreach (string applicationId in new[] { older, newer })
        {
            await current.Api.WaitForStageAsync(applicationId, "awaiting-decision");
            await current.Api.DecideAsync(applicationId, "approve");
            Assert.Equal("granted", (await Scenario.CompletedAsync(current, applicationId))["outcome"]!.GetValue<string>());
        }

        // 2.0: each piece of work after its own transition activity.
        List<string> olderSteps = await ActivitiesAsync(current.Storage, older);
        Assert.DoesNotContain(nameof(Orchestrations.Activities.RecordThenWorkActivity), olderSteps);
        Assert.All(
            [nameof(Orchestrations.Activities.GatherAuthenticSourcesActivity), nameof(Orchestrations.Activities.CheckAdmissibilityActivity),
             nameof(Orchestrations.Activities.AssessApplicationActivity), nameof(Orchestrations.Activities.IssueDecisionLetterActivity)],
            work => Assert.Equal(nameof(Orchestrations.Activities.RecordTransitionActivity), olderSteps[olderSteps.IndexOf(work) - 1]));

        // 2.1: every transition through one activity, sources, admissibility and assessment with the transition that asked
        // for them; the letter follows the decision's record in an activity of its own, as it did.
        List<string> newerSteps = await ActivitiesAsync(current.Storage, newer);
        string steps = string.Join(", ", newerSteps);
        Assert.All(
            [nameof(Orchestrations.Activities.RecordTransitionActivity), nameof(Orchestrations.Activities.GatherAuthenticSourcesActivity),
             nameof(Orchestrations.Activities.CheckAdmissibilityActivity), nameof(Orchestrations.Activities.AssessApplicationActivity)],
            separate => Assert.DoesNotContain(separate, newerSteps));
        int letter = newerSteps.IndexOf(nameof(Orchestrations.Activities.IssueDecisionLetterActivity));
        Assert.True(letter >= 5 && newerSteps[..letter].All(a => a == nameof(Orchestrations.Activities.RecordThenWorkActivity)), steps);
        Assert.Equal(nameof(Orchestrations.Activities.RecordThenWorkActivity), newerSteps[^1]);
    }

    [Fact]
    public async Task A_message_that_arrived_while_an_activity_ran_is_carried_out_with_its_result_from_2_2_and_apart_on_2_1()
    {
        foreach (string version in new[] { PermitWorkflowVersions.RecordWithWork, PermitWorkflowVersions.ArrivedTogether })
        {
            // The authentic sources are down, so the activity that records the submission and reads them is retried; the
            // fee is paid meanwhile, and its message is in the instance's history before the sources come back.
            var sources = new SwitchableAuthenticSources();
            await using PermitHost host = await PermitHost.StartAsync(
                new PermitHostOptions
                {
                    Name = "v" + Guid.NewGuid().ToString("N")[..10],
                    PolicyDay = TimeSpan.FromMinutes(1),
                    Extra = new Dictionary<string, string?> { ["Engine:WorkflowVersion"] = version },
                },
                builder =>
                {
                    builder.Configuration["Simulations:Enabled"] = "federal-office,payment-provider,exclusions-seed,ebox";
                    builder.Services.AddSingleton<IAuthenticSources>(sources);
                });
            string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.ProfessionalCard));
            await host.Api.PayAsync(applicationId);
            await Eventually.HoldsAsync(
                async () => (await EventsRaisedAsync(host.Storage, applicationId)).Contains(PermitEvents.FeePaid),
                Scenario.StepTimeout,
                "the fee's message to reach the instance while the sources are down");
            Assert.True(sources.Calls >= 1, "the sources were asked before the fee was paid");
            sources.Broken = false;
            await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");

            // Both in the timeline, in the order the model took them; on 2.2 one record carried the sources' result and
            // the fee (its rows share its moment), on 2.1 one record each.
            JsonArray timeline = (await host.Api.GetAsync(applicationId))["timeline"]!.AsArray();
            List<string> events = [.. timeline.Select(e => e!["event"]!.GetValue<string>())];
            int gathered = events.IndexOf(CaseEvents.SourcesGathered);
            int paid = events.IndexOf(CaseEvents.FeePaid);
            Assert.True(gathered >= 0 && paid > gathered, string.Join(", ", events));
            DateTimeOffset gatheredAt = Scenario.Time(timeline[gathered]!["at"]);
            DateTimeOffset paidAt = Scenario.Time(timeline[paid]!["at"]);
            if (version == PermitWorkflowVersions.ArrivedTogether)
            {
                Assert.Equal(gatheredAt, paidAt);
            }
            else
            {
                Assert.True(paidAt > gatheredAt, $"{gatheredAt:O} then {paidAt:O}");
            }

            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task A_case_waiting_on_several_messages_before_one_moment_sets_one_timer_for_it_from_2_3_and_one_per_wait_on_2_2()
    {
        var timers = new Dictionary<string, List<DateTime>>(StringComparer.Ordinal);
        foreach (string version in new[] { PermitWorkflowVersions.ArrivedTogether, PermitWorkflowVersions.KeptTimers })
        {
            // Ten seconds a policy day: the fast lane's first milestone (day 10) is 100 s away, after every step below.
            await using PermitHost host = await PermitHost.StartAsync(new PermitHostOptions
            {
                Name = "v" + Guid.NewGuid().ToString("N")[..10],
                PolicyDay = TimeSpan.FromSeconds(10),
                Extra = new Dictionary<string, string?> { ["Engine:WorkflowVersion"] = version },
            });
            (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);

            // Three waits for the same next moment, each ended by a message taken on its own: the federal office's
            // acknowledgement, its decision, then the caseworker's decision.
            foreach ((string kind, string? decision, string recorded) in new[]
            {
                ("acknowledgement", (string?)null, CaseEvents.FederalAcknowledged),
                ("decision", "approved", CaseEvents.FederalDecided),
            })
            {
                using HttpResponseMessage federal = await host.Api.FederalAsync(applicationId, handoffId!, kind, decision);
                Assert.Equal(System.Net.HttpStatusCode.Accepted, federal.StatusCode);
                await Eventually.HoldsAsync(
                    async () => (await Scenario.TimelineAsync(host, applicationId)).Contains(recorded), Scenario.StepTimeout, $"{recorded} in the timeline");
            }

            await host.Api.DecideAsync(applicationId, "approve");
            Assert.Equal("granted", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());
            timers[version] = await TimersAsync(host.Storage, applicationId);
        }

        // 2.2: a new timer for every wait, several for the same moment; 2.3: one per moment, kept across the waits.
        List<DateTime> before = timers[PermitWorkflowVersions.ArrivedTogether], after = timers[PermitWorkflowVersions.KeptTimers];
        Assert.True(before.Count > before.Distinct().Count(), "2.2: " + string.Join(", ", before.Select(t => t.ToString("O"))));
        Assert.True(after.Count > 0 && after.Count == after.Distinct().Count(), "2.3: " + string.Join(", ", after.Select(t => t.ToString("O"))));
        Assert.True(after.Count < before.Count, $"2.3 set {after.Count} timers, 2.2 {before.Count}");
    }

    /// <summary>The moments of the timers an instance set, in order, from the engine's history table.</summary>
    static Task<List<DateTime>> TimersAsync(StorageProbe storage, string instanceId) =>
        HistoryRowsAsync(storage, instanceId, "TimerCreated", row => row.GetDateTime("FireAt")!.Value);

    /// <summary>The events an instance received so far, from the engine's history table.</summary>
    static Task<List<string>> EventsRaisedAsync(StorageProbe storage, string instanceId) => HistoryNamesAsync(storage, instanceId, "EventRaised");

    /// <summary>The activities an instance scheduled, in order, from the engine's history table.</summary>
    static Task<List<string>> ActivitiesAsync(StorageProbe storage, string instanceId) => HistoryNamesAsync(storage, instanceId, "TaskScheduled");

    /// <summary>The names on an instance's history rows of one event type, in order.</summary>
    static Task<List<string>> HistoryNamesAsync(StorageProbe storage, string instanceId, string eventType) =>
        HistoryRowsAsync(storage, instanceId, eventType, row => row.GetString("Name"));

    /// <summary>What <paramref name="read"/> takes from each of an instance's history rows of one event type, in order.</summary>
    static async Task<List<T>> HistoryRowsAsync<T>(StorageProbe storage, string instanceId, string eventType, Func<Azure.Data.Tables.TableEntity, T> read)
    {
        var values = new List<T>();
        string filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and EventType eq {eventType}");
        await foreach (Azure.Data.Tables.TableEntity row in storage.Table("History").QueryAsync<Azure.Data.Tables.TableEntity>(filter))
        {
            values.Add(read(row));
        }

        return values;
    }
}
