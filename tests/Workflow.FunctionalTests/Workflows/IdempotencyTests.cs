using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.DurableTask.Client;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.Workflows;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task The_same_submission_concurrently_and_after_completion_is_one_application_and_one_workflow()
    {
        PermitHost host = await SharedHost.GetAsync();
        JsonObject application = Samples.Load(Samples.WorkCard);

        // One registers it (202); the others find it registered (200), or still being registered (409 with
        // Retry-After, never "done" before the workflow is scheduled) and then registered when they retry.
        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SubmitHonouringRetryAfterAsync(host, application)));
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
        using HttpResponseMessage again = await host.Api.AsApplicant(application).PostJsonAsync("/api/applications", application);
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
        using HttpResponseMessage conflict = await host.Api.AsApplicant(changed).PostJsonAsync("/api/applications", changed);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains(applicationId, (await ApiClient.ProblemAsync(conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await Scenario.TimelineAsync(host, applicationId)).Count(e => e == "submitted"));
        await Scenario.EndAsync(host, applicationId);
    }

    /// <summary>
    /// A request that dies after reserving its submission id (here the dossier blob is leased by the test, so the
    /// upload fails as a crash would) leaves a reservation without a workflow. Until that request is overdue, the same
    /// submission and any command on the application answer 409 with Retry-After, never "done"; a retry after it takes
    /// the registration over, and the application then runs, submitted once.
    /// </summary>
    [Fact]
    public async Task A_submission_whose_registration_died_is_retried_later_and_then_taken_over()
    {
        PermitHost host = await SharedHost.GetAsync();
        JsonObject application = Samples.Load(Samples.HighlySkilled);
        string applicationId = ApplicationIds.Derive(ApiClient.ApplicantKey(application), application["submissionId"]!.GetValue<string>());

        var container = new BlobContainerClient(host.Storage.ConnectionString, new StorageNames(host.Options.Name).DossiersContainer);
        await container.CreateIfNotExistsAsync();
        BlobClient dossier = container.GetBlobClient(BlobDossierStore.ApplicationPath(applicationId));
        await dossier.UploadAsync(BinaryData.FromString("{}"), overwrite: true);
        BlobLeaseClient lease = dossier.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(60));

        ApiClient employer = host.Api.AsApplicant(application);
        using (HttpResponseMessage died = await employer.PostJsonAsync("/api/applications", application))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, died.StatusCode);
        }

        using (HttpResponseMessage again = await employer.PostJsonAsync("/api/applications", application))
        {
            AssertStillRegistering(again);
            Assert.Equal(applicationId, JsonNode.Parse(await again.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().Split(' ')[1]);
        }

        using (HttpResponseMessage payment = await employer.PostJsonAsync(
            $"/api/applications/{applicationId}/payments",
            new JsonObject { ["paymentId"] = "PAY-early", ["amount"] = 200, ["currency"] = "EUR" }))
        {
            AssertStillRegistering(payment);
        }

        Assert.Null(await host.Engine.GetInstanceAsync(applicationId));
        await lease.ReleaseAsync();

        using HttpResponseMessage registered = await SubmitHonouringRetryAfterAsync(host, application);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(applicationId, JsonNode.Parse(await registered.Content.ReadAsStringAsync())!["applicationId"]!.GetValue<string>());
        await host.Api.WaitForStageAsync(applicationId, "awaiting-applicant");
        await employer.PayAsync(applicationId);
        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        Assert.Equal(1, (await Scenario.TimelineAsync(host, applicationId)).Count(e => e == "submitted"));
        await Scenario.EndAsync(host, applicationId);
    }

    static void AssertStillRegistering(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        TimeSpan? retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { } wait && wait >= TimeSpan.FromSeconds(1) && wait <= TimeSpan.FromSeconds(5), $"Retry-After {retryAfter}");
    }

    static Task<HttpResponseMessage> SubmitHonouringRetryAfterAsync(PermitHost host, JsonObject application) =>
        ApiClient.HonouringRetryAfterAsync(() => host.Api.AsApplicant(application).PostJsonAsync("/api/applications", application), Scenario.StepTimeout);

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
