using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Workflow.Application.Operations;
using Workflow.Functions.Operations;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Serialization;
using Workflow.Orchestrations.Workflows.PermitApplication;

namespace Workflow.Functions.Tests;

/// <summary>
/// The Functions app's restart of a failed workflow (the local host's is tested on the real engine): through the
/// binding's client, over the failed run only, audited with the person from App Service authentication and the reason.
/// </summary>
public sealed class RestartFunctionTests
{
    static readonly string ApplicationId = ApplicationIds.Derive("0987654394", "RESTART-1");

    [Fact]
    public async Task A_manager_restarts_a_failed_workflow_with_its_input_over_the_failed_run_only_and_it_is_audited()
    {
        await using FunctionsApp app = FunctionsApp.Create();
        DateTimeOffset submittedAt = DateTimeOffset.UtcNow;
        var input = new PermitApplicationInput(ApplicationId, PermitCategory.WorkCard, submittedAt, TimeSpan.FromDays(1), PolicyCatalog.Embedded.Resolve(PermitCategory.WorkCard, submittedAt, inPeakPeriod: false));
        app.Client.Instances[ApplicationId] = new OrchestrationMetadata(nameof(PermitApplicationOrchestrator), ApplicationId)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Failed,
            SerializedInput = JsonSerializer.Serialize(input, WorkflowJson.Options),
            DataConverter = new JsonDataConverter(WorkflowJson.Options),
        };

        HttpOutcome caseworker = await InvokeAsync(app, EasyAuth.Header("caseworker"), """{"reason":"fixed"}""");
        Assert.Equal(StatusCodes.Status403Forbidden, caseworker.Status);

        HttpOutcome restarted = await InvokeAsync(app, EasyAuth.Header("manager", objectId: "00000000-0000-0000-0000-0000000000bb"), """{"reason":"Storage outage over (INC-42)"}""");
        Assert.Equal(StatusCodes.Status202Accepted, restarted.Status);
        Assert.Equal(ApplicationId, restarted.Json.GetProperty("applicationId").GetString());

        var scheduled = Assert.Single(app.Client.Scheduled);
        Assert.Equal(nameof(PermitApplicationOrchestrator), scheduled.Name.Name);
        Assert.Equal(ApplicationId, ((PermitApplicationInput)scheduled.Input!).ApplicationId);
        Assert.Equal(ApplicationId, scheduled.Options!.InstanceId);
        Assert.DoesNotContain(nameof(OrchestrationRuntimeStatus.Failed), scheduled.Options.DedupeStatuses!);
        Assert.Contains(nameof(OrchestrationRuntimeStatus.Running), scheduled.Options.DedupeStatuses!);

        AuditEntry audit = Assert.Single(await app.AuditLog.ListAsync(ApplicationId, CancellationToken.None), e => e.Event == WorkflowRestarts.AuditEvent);
        Assert.Equal("manager", audit.Actor);
        Assert.Equal("00000000-0000-0000-0000-0000000000bb", audit.BySubject);
        Assert.Equal("Storage outage over (INC-42)", audit.Details["reason"]);

        HttpOutcome again = await InvokeAsync(app, EasyAuth.Header("manager"), """{"reason":"again"}""");
        Assert.Equal(StatusCodes.Status409Conflict, again.Status); // the instance is no longer failed
        Assert.Single(app.Client.Scheduled);
    }

    static async Task<HttpOutcome> InvokeAsync(FunctionsApp app, string principal, string json)
    {
        string path = $"/api/operations/instances/{ApplicationId}/restart";
        (TestFunctionContext context, DefaultHttpContext http) = app.Invocation("POST", path, json, principal: principal);
        await using (context)
        {
            IResult result = await InstanceFunctions.RestartInstance(http.Request, ApplicationId, app.Client, context, CancellationToken.None);
            return await HttpOutcome.ExecuteAsync(result, http);
        }
    }
}
