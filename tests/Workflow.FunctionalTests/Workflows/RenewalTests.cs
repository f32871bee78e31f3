using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Ports;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>
/// Renewals (§2.5) through the HTTP API on the real engine: a highly skilled worker (with an INSZ number) is granted,
/// then the same employer renews that authorisation for the same worker. The renewal pays the ordinary fee, runs the
/// category's rules and the wage check against the grant, is granted, and the register gives it its own validity,
/// continuing the grant's; both statuses name each other, for staff and for the employer. Renewing it again, another
/// employer's renewal of it and a renewal of an unknown authorisation are refused, the last two alike.
/// </summary>
public sealed class RenewalTests(RenewalTests.Grant grant) : IClassFixture<RenewalTests.Grant>
{
    /// <summary>The worker of the grant: an INSZ of the sample's birth date (1994-06-12), made up with valid check digits.</summary>
    const string WorkerInsz = "94061212378";

    /// <summary>Another employer, with a valid KBO number.</summary>
    const string OtherEmployer = "0476543281";

    [Fact]
    public async Task A_grant_is_renewed_by_its_employer_for_the_same_worker_and_both_statuses_link_them()
    {
        PermitHost host = await SharedHost.GetAsync();
        string grantId = await grant.IdAsync();
        JsonObject application = Application(grantId);
        ApiClient employer = host.Api.AsApplicant(application);
        JsonNode grantAuthorisation = (await host.Api.GetAsync(grantId))["decision"]!["authorisation"]!;
        DateOnly grantUntil = Date(grantAuthorisation["validUntil"]);

        // Accepted, paying the ordinary fee of the category (§2.5: 200 EUR in 2026), like a first application.
        using HttpResponseMessage submitted = await employer.PostJsonAsync("/api/applications", application);
        JsonNode answer = await BodyAsync(submitted, HttpStatusCode.Accepted);
        string renewalId = answer["applicationId"]!.GetValue<string>();
        try
        {
            Assert.Equal(200m, answer["fee"]!["amount"]!.GetValue<decimal>());
            Assert.Equal("EUR", answer["fee"]!["currency"]!.GetValue<string>());

            // The same submission again is the usual repeat; another renewal of the grant waits for this one (409).
            using HttpResponseMessage repeated = await employer.PostJsonAsync("/api/applications", application);
            Assert.True((await BodyAsync(repeated, HttpStatusCode.OK))["repeated"]!.GetValue<bool>());
            JsonObject second = Application(grantId);
            string detail = await RefusedAsync(employer, second, HttpStatusCode.Conflict);
            Assert.Contains($"is being renewed by application {renewalId}, still open", detail, StringComparison.Ordinal);
            await AssertNothingStoredAsync(host, second);

            // Another worker cannot be renewed under this grant.
            JsonObject otherWorker = Application(grantId, insz: "94061212576");
            Assert.Contains("was granted for another worker", await RefusedAsync(employer, otherWorker, HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
            await AssertNothingStoredAsync(host, otherWorker);

            // While it is open, each names the other: the renewal what it renews, the grant what renews it.
            JsonNode renewalStatus = await host.Api.GetAsync(renewalId);
            Assert.Equal(grantId, renewalStatus["renews"]!["applicationId"]!.GetValue<string>());
            Assert.Equal($"/api/applications/{grantId}", renewalStatus["renews"]!["statusUrl"]!.GetValue<string>());
            Assert.Equal(grantId, (await employer.GetAsync(renewalId))["renews"]!["applicationId"]!.GetValue<string>());
            AssertRenewedBy(await host.Api.GetAsync(grantId), renewalId, "pending");
            AssertRenewedBy(await employer.GetAsync(grantId), renewalId, "pending");

            // The same workflow as any application of its category: the fee, the federal leg, the caseworker.
            await employer.PayAsync(renewalId);
            await host.Api.WaitForStageAsync(renewalId, "awaiting-decision");
            string handoffId = (await host.FederalOffice.WaitForAsync(renewalId, "handoff", Scenario.StepTimeout)).GetProperty("handoffId").GetString()!;

            // The caseworker sees the category's rules and the wage check: DMFA's wage for the worker against the grant.
            JsonNode overview = JsonNode.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{renewalId}/overview"))!;
            Assert.Equal(grantId, overview["application"]!["renews"]!.GetValue<string>());
            JsonNode[] rules = [.. overview["assessment"]!["rules"]!.AsArray().Select(r => r!)];
            Assert.Contains(rules, r => r["ruleId"]!.GetValue<string>() == "highly-skilled.salary");
            JsonNode wage = Assert.Single(rules, r => r["ruleId"]!.GetValue<string>() == "renewal.wage");
            Assert.Equal(("met", "§2.1"), (wage["outcome"]!.GetValue<string>(), wage["section"]!.GetValue<string>()));
            Assert.Contains($"at or above the wage of the authorisation it renews (application {grantId}), 56,000.00 EUR a year", wage["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains(
                overview["authenticSources"]!["records"]!.AsArray(),
                r => r!["source"]!.GetValue<string>() == "dmfa" && r["subject"]!.GetValue<string>() == SourceFields.Worker && r["field"]!.GetValue<string>() == SourceFields.WorkerGrossWageLastQuarter);

            using (HttpResponseMessage federal = await host.Api.FederalAsync(renewalId, handoffId, "decision", "approved"))
            {
                Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
            }

            await host.Api.DecideAsync(renewalId, "approve");
            Assert.Equal("granted", (await Scenario.CompletedAsync(host, renewalId))["outcome"]!.GetValue<string>());

            // The renewal's authorisation continues the grant's: from the day after it ends, for three years (§2.2).
            DateOnly from = grantUntil.AddDays(1);
            DateOnly until = from.AddYears(3).AddDays(-1);
            foreach (ApiClient reader in new[] { host.Api.As(Roles.Caseworker), employer })
            {
                JsonNode authorisation = (await reader.GetAsync(renewalId))["decision"]!["authorisation"]!;
                Assert.Equal((from, until), (Date(authorisation["validFrom"]), Date(authorisation["validUntil"])));
                Assert.Equal(grantId, authorisation["renews"]!["applicationId"]!.GetValue<string>());
                AssertRenewedBy(await reader.GetAsync(grantId), renewalId, "renewed");
            }

            // The register shows both, the renewal with its new validity and the grant it renews.
            ApiClient inspector = host.Api.As(Roles.Inspector);
            string kbo = application["employer"]!["kbo"]!.GetValue<string>();
            JsonNode registered = await FindGrantAsync(inspector, kbo, renewalId);
            Assert.Equal(Iso(from), registered["validFrom"]!.GetValue<string>());
            Assert.Equal(Iso(until), registered["validUntil"]!.GetValue<string>());
            Assert.Equal(grantId, registered["renews"]!.GetValue<string>());
            Assert.Equal(Iso(grantUntil), (await FindGrantAsync(inspector, kbo, grantId))["validUntil"]!.GetValue<string>());

            // Renewed once and for good: the grant is not renewed again; its renewal is, by naming it.
            JsonObject again = Application(grantId);
            Assert.Contains($"was renewed by application {renewalId}: renew that authorisation instead", await RefusedAsync(employer, again, HttpStatusCode.Conflict), StringComparison.Ordinal);
            await AssertNothingStoredAsync(host, again);
        }
        finally
        {
            await Scenario.EndAsync(host, renewalId);
        }
    }

    [Fact]
    public async Task Another_employer_s_renewal_of_the_grant_is_refused_as_a_renewal_of_an_unknown_authorisation()
    {
        PermitHost host = await SharedHost.GetAsync();
        string grantId = await grant.IdAsync();
        string unknownId = ApplicationIds.Derive(OtherEmployer, $"never-submitted-{Guid.NewGuid():N}");

        // The other employer names the grant (with the same worker): nothing tells it that the grant exists.
        JsonObject foreign = Application(grantId, employerKbo: OtherEmployer);
        JsonObject unknown = Application(unknownId, employerKbo: OtherEmployer);
        ApiClient other = host.Api.AsApplicant(foreign);
        (HttpStatusCode Status, string? Title, string Detail) foreignAnswer = await ProblemOfAsync(other, foreign);
        (HttpStatusCode Status, string? Title, string Detail) unknownAnswer = await ProblemOfAsync(other, unknown);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignAnswer.Status);
        Assert.Equal(
            (unknownAnswer.Status, unknownAnswer.Title, unknownAnswer.Detail.Replace(unknownId, "{renews}", StringComparison.Ordinal)),
            (foreignAnswer.Status, foreignAnswer.Title, foreignAnswer.Detail.Replace(grantId, "{renews}", StringComparison.Ordinal)));
        Assert.Contains("You hold no authorisation under application", foreignAnswer.Detail, StringComparison.Ordinal);

        // Nothing is stored, and the grant is not claimed by the other employer's application.
        await AssertNothingStoredAsync(host, foreign);
        await AssertNothingStoredAsync(host, unknown);
        string foreignId = ApplicationIds.Derive(OtherEmployer, foreign["submissionId"]!.GetValue<string>());
        Assert.NotEqual(foreignId, (await host.Services.GetRequiredService<IAuthorisationRegister>().GetRenewalAsync(grantId, CancellationToken.None))?.RenewingApplicationId);

        // The employer's token cannot stand in for the grant's employer either: submitting for it is forbidden.
        using HttpResponseMessage forged = await other.PostJsonAsync("/api/applications", Application(grantId));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    /// <summary>The highly skilled sample with the worker's INSZ, renewing <paramref name="renews"/> when given.</summary>
    static JsonObject Application(string? renews, string insz = WorkerInsz, string? employerKbo = null) =>
        Samples.Load(Samples.HighlySkilled, sample =>
        {
            sample["worker"]!["insz"] = insz;
            if (employerKbo is not null)
            {
                sample["employer"]!["kbo"] = employerKbo;
            }

            if (renews is not null)
            {
                sample["renews"] = renews;
            }
        });

    static async Task<JsonNode> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Submits, expects a problem with <paramref name="expected"/>, and returns its detail.</summary>
    static async Task<string> RefusedAsync(ApiClient employer, JsonObject application, HttpStatusCode expected)
    {
        (HttpStatusCode status, _, string detail) = await ProblemOfAsync(employer, application);
        Assert.True(status == expected, $"Expected {(int)expected}, got {(int)status}: {detail}");
        return detail;
    }

    static async Task<(HttpStatusCode Status, string? Title, string Detail)> ProblemOfAsync(ApiClient employer, JsonObject application)
    {
        using HttpResponseMessage response = await employer.PostJsonAsync("/api/applications", application);
        JsonElement problem = await ApiClient.ProblemAsync(response);
        return (response.StatusCode, problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()!);
    }

    /// <summary>A refused submission leaves no reservation, no dossier and no workflow.</summary>
    static async Task AssertNothingStoredAsync(PermitHost host, JsonObject application)
    {
        string applicationId = ApplicationIds.Derive(ApiClient.ApplicantKey(application), application["submissionId"]!.GetValue<string>());
        Assert.Null(await host.Services.GetRequiredService<ISubmissionLedger>().GetAsync(applicationId, CancellationToken.None));
        Assert.Null(await host.Services.GetRequiredService<IDossierStore>().GetApplicationAsync(applicationId, CancellationToken.None));
        Assert.Null(await host.Engine.GetInstanceAsync(applicationId));
    }

    static void AssertRenewedBy(JsonNode grantStatus, string renewalId, string state)
    {
        JsonNode renewedBy = grantStatus["decision"]!["authorisation"]!["renewedBy"]!;
        Assert.Equal((renewalId, state, $"/api/applications/{renewalId}"), (renewedBy["applicationId"]!.GetValue<string>(), renewedBy["state"]!.GetValue<string>(), renewedBy["statusUrl"]!.GetValue<string>()));
    }

    static async Task<JsonNode> FindGrantAsync(ApiClient inspector, string kbo, string applicationId)
    {
        string? continuation = null;
        do
        {
            string path = $"/api/inspections/grants?employer={kbo}&pageSize=200" + (continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}");
            JsonNode page = JsonNode.Parse(await inspector.Http.GetStringAsync(path))!;
            if (page["items"]!.AsArray().FirstOrDefault(i => i!["applicationId"]!.GetValue<string>() == applicationId) is JsonNode item)
            {
                return item;
            }

            continuation = page["continuation"]?.GetValue<string>();
        }
        while (continuation is not null);
        Assert.Fail($"The register has no grant {applicationId} for {kbo}.");
        return null!;
    }

    static DateOnly Date(JsonNode? node) => DateOnly.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One highly skilled grant, with the worker's INSZ, for the tests of this class: obtained once, on the shared host.</summary>
    public sealed class Grant
    {
        readonly Lazy<Task<string>> id = new(ObtainAsync);

        public Task<string> IdAsync() => this.id.Value;

        static async Task<string> ObtainAsync()
        {
            PermitHost host = await SharedHost.GetAsync();
            string applicationId = await host.Api.SubmitAsync(Application(renews: null));
            await host.Api.PayAsync(applicationId);
            await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
            string handoffId = (await host.FederalOffice.WaitForAsync(applicationId, "handoff", Scenario.StepTimeout)).GetProperty("handoffId").GetString()!;
            using (HttpResponseMessage federal = await host.Api.FederalAsync(applicationId, handoffId, "decision", "approved"))
            {
                Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
            }

            await host.Api.DecideAsync(applicationId, "approve");
            Assert.Equal("granted", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());
            return applicationId;
        }
    }
}
