using System.Net;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Operations;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>
/// An operator restarts a failed workflow once its cause is fixed (<c>POST /api/operations/instances/{id}/restart</c>),
/// on the real engine: an outside party (the authentic sources) keeps failing until the activity's retries are spent
/// and the workflow fails; a manager restarts it with a reason; the new run raises the fee payment received before the
/// failure again, reaches the caseworker and completes. The audit log keeps who restarted it and why; only a manager
/// may, only a failed workflow is restarted, and a restart needs a reason.
/// </summary>
public sealed class OperatorRestartTests
{
    const string Reason = "KBO connection restored after incident INC-4711";

    [Fact]
    public async Task A_failed_workflow_restarted_by_a_manager_with_a_reason_completes_and_the_restart_is_audited()
    {
        var sources = new SwitchableAuthenticSources();
        await using PermitHost host = await PermitHost.StartAsync(
            new PermitHostOptions { PolicyDay = TimeSpan.FromMinutes(1) },
            builder =>
            {
                // The host's own adapter for the authentic sources, instead of the simulation it opts out of.
                builder.Configuration["Simulations:Enabled"] = "federal-office,payment-provider,exclusions-seed,ebox";
                builder.Services.AddSingleton<IAuthenticSources>(sources);
            });

        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.ProfessionalCard));
        await host.Api.PayAsync(applicationId); // raised on the run that is about to fail
        ApiClient manager = host.Api.AsPerson(Roles.Manager, "manager-mia", "Mia Manager");
        string path = $"/api/operations/instances/{applicationId}/restart";

        using (HttpResponseMessage running = await manager.PostJsonAsync(path, new JsonObject { ["reason"] = Reason }))
        {
            Assert.Equal(HttpStatusCode.Conflict, running.StatusCode); // a running workflow is never overwritten
        }

        using var failing = new CancellationTokenSource(Scenario.StepTimeout);
        OrchestrationMetadata failed = await host.Engine.WaitForInstanceCompletionAsync(applicationId, getInputsAndOutputs: false, failing.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.True(sources.Calls >= 6, $"the activity was retried before the workflow failed ({sources.Calls} calls)");

        using (HttpResponseMessage caseworker = await host.Api.As(Roles.Caseworker).PostJsonAsync(path, new JsonObject { ["reason"] = Reason }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, caseworker.StatusCode);
        }

        using (HttpResponseMessage noReason = await manager.PostJsonAsync(path, new JsonObject()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            await ApiClient.ProblemAsync(noReason);
        }

        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await host.Engine.GetInstanceAsync(applicationId))!.RuntimeStatus); // refused requests changed nothing

        sources.Broken = false;
        using (HttpResponseMessage restarted = await manager.PostJsonAsync(path, new JsonObject { ["reason"] = Reason }))
        {
            string text = await restarted.Content.ReadAsStringAsync();
            Assert.True(restarted.StatusCode == HttpStatusCode.Accepted, $"restart answered {(int)restarted.StatusCode}: {text}");
            JsonNode receipt = JsonNode.Parse(text)!;
            Assert.Equal(applicationId, receipt["applicationId"]!.GetValue<string>());
            Assert.Equal(1, receipt["commandsRaisedAgain"]!.GetValue<int>()); // the provider's confirmation of the payment
        }

        // The new run takes the payment it had received, reaches the caseworker, and the decision ends it.
        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision", Scenario.StepTimeout);
        await host.Api.DecideAsync(applicationId, "approve");
        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("granted", result["outcome"]!.GetValue<string>());

        AuditEntry audit = Assert.Single(
            await host.Services.GetRequiredService<IAuditLog>().ListAsync(applicationId, CancellationToken.None),
            e => e.Event == WorkflowRestarts.AuditEvent);
        Assert.Equal("manager-mia", audit.BySubject);
        Assert.Equal("Mia Manager", audit.ByName);
        Assert.Equal(Reason, audit.Details["reason"]);
        Assert.Equal("1", audit.Details["commandsRaisedAgain"]);
        Assert.Contains(WorkflowRestarts.AuditEvent, await Scenario.TimelineAsync(host, applicationId));
    }
}
