using System.Net;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task The_same_submission_concurrently_and_after_completion_is_one_application_and_one_workflow()
    {
        PermitHost host = await SharedHost.GetAsync();
        JsonObject application = Samples.Load(Samples.WorkCard);

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Api.PostJsonAsync("/api/applications", application)));
        string[] ids = await Task.WhenAll(responses.Select(async r => JsonNode.Parse(await r.Content.ReadAsStringAsync())!["applicationId"]!.GetValue<string>()));
        Assert.Single(ids.Distinct());
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"answered {(int)r.StatusCode}"));
        string applicationId = ids[0];

        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        Assert.Equal(1, await InstancesAsync(host, applicationId));
        Assert.Equal(1, (await Scenario.TimelineAsync(host, applicationId)).Count(e => e == "received"));

        await host.Api.DecideAsync(applicationId, "approve");
        await Scenario.CompletedAsync(host, applicationId);
        OrchestrationMetadata before = (await host.Engine.GetInstanceAsync(applicationId))!;

        // Again after completion: the existing application, not a new workflow.
        using HttpResponseMessage again = await host.Api.PostJsonAsync("/api/applications", application);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        JsonNode body = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal(applicationId, body["applicationId"]!.GetValue<string>());
        Assert.True(body["repeated"]!.GetValue<bool>());

        OrchestrationMetadata after = (await host.Engine.GetInstanceAsync(applicationId))!;
        Assert.Equal(OrchestrationRuntimeStatus.Completed, after.RuntimeStatus);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.Equal(1, await InstancesAsync(host, applicationId));

        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_same_submission_id_with_another_body_is_a_conflict_and_changes_nothing()
    {
        PermitHost host = await SharedHost.GetAsync();
        JsonObject application = Samples.Load(Samples.HighlySkilled);
        string applicationId = await host.Api.SubmitAsync(application);

        JsonObject changed = (JsonObject)application.DeepClone();
        changed["job"]!["grossAnnualSalary"] = 99000;
        using HttpResponseMessage conflict = await host.Api.PostJsonAsync("/api/applications", changed);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains(applicationId, (await ApiClient.ProblemAsync(conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await Scenario.TimelineAsync(host, applicationId)).Count(e => e == "submitted"));
        await host.Engine.TerminateInstanceAsync(applicationId, "test finished");
    }

    static async Task<int> InstancesAsync(PermitHost host, string applicationId)
    {
        int count = 0;
        await foreach (OrchestrationMetadata instance in host.Engine.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = applicationId }))
        {
            count++;
        }

        return count;
    }
}
