using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Api;

/// <summary>
/// The worker's own door: a worker signed in with their INSZ follows the application that names them, as its applicant
/// does, reads its letter and exports what is held about them (the export audited); another worker sees none of it, a
/// worker without a person number is refused, and the staff's and employer's endpoints stay closed to workers.
/// </summary>
public sealed class WorkerAccessTests
{
    [Fact]
    public async Task A_worker_follows_their_own_application_reads_its_letter_and_exports_their_data_and_no_one_else_does()
    {
        PermitHost host = await SharedHost.GetAsync();
        string person = FreshPersonNumber(), stranger = FreshPersonNumber();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, a =>
        {
            a["submissionId"] = $"WORKER-{Guid.NewGuid():N}"[..20];
            a["worker"]!["insz"] = person;
            a["worker"]!["birthDate"] = BirthDateOf(person);
        }));
        ApiClient worker = host.Api.AsWorker(person, "worker-" + person);
        ApiClient other = host.Api.AsWorker(stranger, "worker-" + stranger);
        try
        {
            // Listed and readable as the applicant follows it; the staff's record and the employer's endpoints stay closed.
            JsonNode own = (await worker.Http.GetFromJsonNodeAsync("/api/worker/applications"))!;
            Assert.Equal([applicationId], own["applications"]!.AsArray().Select(a => a!["applicationId"]!.GetValue<string>()));
            JsonNode view = (await worker.Http.GetFromJsonNodeAsync($"/api/worker/applications/{applicationId}"))!;
            Assert.Equal("work-card", view["category"]!.GetValue<string>());
            Assert.DoesNotContain("signal", view.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            using (HttpResponseMessage staffRecord = await worker.Http.GetAsync($"/api/applications/{applicationId}"))
            using (HttpResponseMessage employerList = await worker.Http.GetAsync("/api/applications"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, staffRecord.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, employerList.StatusCode);
            }

            // Another worker: nothing listed, the application as if it did not exist, no letter, an empty export.
            Assert.Empty((await other.Http.GetFromJsonNodeAsync("/api/worker/applications"))!["applications"]!.AsArray());
            using (HttpResponseMessage foreign = await other.Http.GetAsync($"/api/worker/applications/{applicationId}"))
            using (HttpResponseMessage foreignLetter = await other.Http.GetAsync($"/api/worker/applications/{applicationId}/letter"))
            {
                Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, foreignLetter.StatusCode);
                Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
            }

            Assert.Empty((await other.Http.GetFromJsonNodeAsync("/api/worker/export"))!["applications"]!.AsArray());

            // A worker's sign-in without a person number recognises nobody.
            using (HttpResponseMessage nameless = await host.Api.As(Roles.Worker).Http.GetAsync("/api/worker/applications"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, nameless.StatusCode);
                Assert.Equal("application/problem+json", nameless.Content.Headers.ContentType?.MediaType);
            }

            // Decided: the worker reads the letter.
            await host.Api.WaitForStageAsync(applicationId, "awaiting-decision", Scenario.StepTimeout);
            await host.Api.DecideAsync(applicationId, "approve");
            await Scenario.CompletedAsync(host, applicationId);
            using (HttpResponseMessage letter = await worker.Http.GetAsync($"/api/worker/applications/{applicationId}/letter"))
            {
                Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
                Assert.True((await letter.Content.ReadAsByteArrayAsync()).Length > 0);
            }

            // The export: the application's personal data as submitted, its documents described, the authorisation.
            using HttpResponseMessage exported = await worker.Http.GetAsync("/api/worker/export");
            Assert.Equal("no-store", exported.Headers.CacheControl?.ToString());
            JsonNode export = JsonNode.Parse(await exported.Content.ReadAsStringAsync())!;
            JsonNode application = Assert.Single(export["applications"]!.AsArray())!;
            Assert.Equal(applicationId, application["applicationId"]!.GetValue<string>());
            Assert.Equal(person, application["worker"]!["personNumber"]!.GetValue<string>());
            Assert.Contains(application["documents"]!.AsArray(), d => d!["type"]!.GetValue<string>() == "passport");
            Assert.Null(application["documents"]![0]!["content"]);
            Assert.Equal("granted", application["authorisation"]!["state"]!.GetValue<string>());
            Assert.Equal(["validFrom", "validUntil", "state"], application["authorisation"]!.AsObject().Select(p => p.Key)); // no register keys or procedures

            // The export is in the application's audit log, for managers and inspectors.
            JsonNode record = (await host.Api.As(Roles.Manager).Http.GetFromJsonNodeAsync($"/api/applications/{applicationId}"))!;
            Assert.Contains(record["timeline"]!.AsArray(), e => e!["event"]!.GetValue<string>() == "personal-data-exported" && e["by"]?.GetValue<string>() == "worker-" + person);
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    internal static string BirthDateOf(string insz) => $"19{insz[..2]}-{insz[2..4]}-{insz[4..6]}";

    /// <summary>A valid INSZ of someone born in 1990 that no other test uses (the serial is random).</summary>
    internal static string FreshPersonNumber()
    {
        string nine = string.Create(CultureInfo.InvariantCulture, $"90{Random.Shared.Next(1, 13):D2}{Random.Shared.Next(1, 29):D2}{Random.Shared.Next(1, 998):D3}");
        return nine + (97 - (long.Parse(nine, CultureInfo.InvariantCulture) % 97)).ToString("D2", CultureInfo.InvariantCulture);
    }
}
