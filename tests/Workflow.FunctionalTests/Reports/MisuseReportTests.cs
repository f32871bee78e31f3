using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Reports;

/// <summary>
/// §2.8 through the HTTP API on the real engine: an anonymous report about an employer with labour and housing signals
/// reaches both inspections' queues (with the employer's applications), the social inspector forwards it to housing,
/// the housing inspector closes it, and the reporter follows it by reference throughout. The employer sees nothing of
/// it; the same report again is 200, other content under its id 409; bad input is 400 and stores nothing.
/// </summary>
public sealed class MisuseReportTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    static string FreshKbo()
    {
        long firstEight = 6_000_000 + Random.Shared.Next(0, 999_999);
        return string.Create(CultureInfo.InvariantCulture, $"{firstEight:D8}{97 - (firstEight % 97):D2}");
    }

    static JsonObject ReportOf(string reportId, string kbo, string email) => new()
    {
        ["reportId"] = reportId,
        ["employerKbo"] = kbo,
        ["signals"] = new JsonArray("underpayment", "overcrowded-housing"),
        ["description"] = $"Paid half the agreed wage; eight workers share one room above the shed ({reportId}).",
        ["contact"] = new JsonObject { ["email"] = email },
    };

    static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(Task<HttpResponseMessage> sending)
    {
        using HttpResponseMessage response = await sending;
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    static async Task<JsonNode> StatusAsync(PermitHost host, string reference) =>
        JsonNode.Parse(await host.Api.Http.GetStringAsync($"/api/reports/{reference}"))!;

    /// <summary>The report in an inspection's queue, or null when the queue does not hold it.</summary>
    static async Task<JsonNode?> InQueueAsync(ApiClient inspector, string inspection, string reference)
    {
        JsonNode queue = JsonNode.Parse(await inspector.Http.GetStringAsync($"/api/inspections/reports?inspection={inspection}"))!;
        return queue["reports"]!.AsArray().FirstOrDefault(r => r!["reference"]!.GetValue<string>() == reference);
    }

    [Fact]
    public async Task A_report_reaches_both_inspections_is_forwarded_and_closed_and_the_reporter_follows_it_while_the_employer_sees_nothing()
    {
        PermitHost host = await SharedHost.GetAsync();
        string run = Guid.NewGuid().ToString("N")[..10];
        string kbo = FreshKbo();
        string email = $"reporter-{run}@example.org";
        ApiClient employer = host.Api.As(Roles.Employer, kbo);
        string applicationId = await employer.SubmitAsync(Samples.Load(Samples.WorkCard, a => a["employer"]!["kbo"] = kbo));
        ApiClient social = host.Api.AsPerson(Roles.Inspector, $"social-{run}", "Sofie Sociaal");
        ApiClient housing = host.Api.AsPerson(Roles.Inspector, $"housing-{run}", "Hans Huisvesting");
        try
        {
            JsonObject report = ReportOf($"R-{run}", kbo, email);
            using HttpResponseMessage accepted = await host.Api.PostJsonAsync("/api/reports", report);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            JsonNode receipt = JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!;
            string reference = receipt["reference"]!.GetValue<string>();
            Assert.Matches("^MR-[0-9A-F]{40}$", reference);
            Assert.Equal($"/api/reports/{reference}", accepted.Headers.Location!.OriginalString);
            Assert.Contains("melding", receipt["confirmation"]!["nl"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("report", receipt["confirmation"]!["en"]!.GetValue<string>(), StringComparison.Ordinal);

            // The same report again: answered from the first; other content under its id: refused.
            (HttpStatusCode repeatStatus, JsonNode? repeat) = await SendAsync(host.Api.PostJsonAsync("/api/reports", ReportOf($"R-{run}", kbo, email)));
            Assert.Equal(HttpStatusCode.OK, repeatStatus);
            Assert.Equal(reference, repeat!["reference"]!.GetValue<string>());
            Assert.True(repeat["repeated"]!.GetValue<bool>());
            JsonObject changed = ReportOf($"R-{run}", kbo, email);
            changed["description"] = "Something else entirely.";
            (HttpStatusCode conflictStatus, _) = await SendAsync(host.Api.PostJsonAsync("/api/reports", changed));
            Assert.Equal(HttpStatusCode.Conflict, conflictStatus);

            // Routed to both inspections; each sees the employer's application and the contact the reporter gave.
            await Eventually.HoldsAsync(
                async () => (await StatusAsync(host, reference))["state"]!.GetValue<string>() == "with-social-and-housing-inspections", Patience, "the report with both inspections");
            JsonNode inSocial = (await InQueueAsync(social, "social", reference))!;
            Assert.NotNull(await InQueueAsync(housing, "housing", reference));
            Assert.Equal([applicationId], inSocial["employerApplications"]!.AsArray().Select(a => a!.GetValue<string>()));
            Assert.Equal(email, inSocial["reporter"]!["email"]!.GetValue<string>());
            Assert.Equal(kbo, inSocial["employerKbo"]!.GetValue<string>());

            // The reporter sees the state only.
            JsonObject status = (await StatusAsync(host, reference)).AsObject();
            Assert.Equal(["forwarded", "receivedAt", "reference", "state"], status.Select(p => p.Key).Order(StringComparer.Ordinal));

            // Social forwards to housing (a repeat is 200); housing closes.
            var forward = new JsonObject { ["actionId"] = $"F-{run}", ["from"] = "social", ["reason"] = "The housing is the core of it." };
            Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(social.PostJsonAsync($"/api/inspections/reports/{reference}/forward", forward))).Status);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(social.PostJsonAsync($"/api/inspections/reports/{reference}/forward", forward.DeepClone()))).Status);
            await Eventually.HoldsAsync(async () => await InQueueAsync(social, "social", reference) is null, Patience, "the report out of the social queue");
            JsonNode followed = await StatusAsync(host, reference);
            Assert.Equal("with-housing-inspection", followed["state"]!.GetValue<string>());
            Assert.True(followed["forwarded"]!.GetValue<bool>());
            JsonNode inHousing = (await InQueueAsync(housing, "housing", reference))!;
            JsonNode forwarded = Assert.Single(inHousing["actions"]!.AsArray())!;
            Assert.Equal($"social-{run}", forwarded["bySubject"]!.GetValue<string>());
            Assert.Equal("Sofie Sociaal", forwarded["byName"]!.GetValue<string>());
            Assert.Equal("The housing is the core of it.", forwarded["reason"]!.GetValue<string>());
            Assert.Equal("housing", forwarded["to"]!.GetValue<string>());
            Assert.True(forwarded["applied"]!.GetValue<bool>());

            // Social holds it no more: a second forward from social is refused.
            var again = new JsonObject { ["actionId"] = $"F2-{run}", ["from"] = "social", ["reason"] = "Again." };
            Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(social.PostJsonAsync($"/api/inspections/reports/{reference}/forward", again))).Status);

            var close = new JsonObject { ["actionId"] = $"C-{run}", ["inspection"] = "housing", ["outcome"] = "substantiated", ["note"] = "Visited; mayor's order to vacate." };
            Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(housing.PostJsonAsync($"/api/inspections/reports/{reference}/close", close))).Status);
            await Eventually.HoldsAsync(
                async () => (await StatusAsync(host, reference))["state"]!.GetValue<string>() == "closed", Patience, "the report closed");
            Assert.Null(await InQueueAsync(housing, "housing", reference));

            // The triage workflow ended with the report; its input and output carry the case id and codes only.
            string caseId = host.Storage.Table("MisuseReports").GetEntity<TableEntity>("ref", reference).Value.GetString("CaseId");
            using (var waiting = new CancellationTokenSource(Patience))
            {
                OrchestrationMetadata triage = await host.Engine.WaitForInstanceCompletionAsync(caseId, getInputsAndOutputs: true, waiting.Token);
                Assert.Equal(OrchestrationRuntimeStatus.Completed, triage.RuntimeStatus);
                foreach (string? carried in new[] { triage.SerializedInput, triage.SerializedOutput, triage.SerializedCustomStatus })
                {
                    foreach (string secret in new[] { reference, kbo, email, "wage", "Sofie" })
                    {
                        Assert.DoesNotContain(secret, carried ?? "", StringComparison.Ordinal);
                    }
                }

                Assert.Contains("overcrowded-housing", triage.SerializedInput, StringComparison.Ordinal);
            }

            // The employer's views and the application's own records know nothing of the report or its reporter.
            string ownView = await employer.Http.GetStringAsync($"/api/applications/{applicationId}");
            string ownList = await employer.Http.GetStringAsync("/api/applications");
            string staffView = await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}");
            foreach (string seen in new[] { ownView, ownList, staffView })
            {
                Assert.DoesNotContain(reference, seen, StringComparison.Ordinal);
                Assert.DoesNotContain(email, seen, StringComparison.Ordinal);
                Assert.DoesNotContain("report", seen, StringComparison.OrdinalIgnoreCase);
            }

            foreach (string table in new[] { "AuditLog", "CaseIndex" })
            {
                foreach (TableEntity row in await host.Storage.RowsAsync(table, applicationId))
                {
                    string values = string.Join('|', row.Keys.Select(k => row[k]?.ToString()));
                    Assert.DoesNotContain(reference, values, StringComparison.Ordinal);
                    Assert.DoesNotContain(email, values, StringComparison.Ordinal);
                }
            }

            // The reporter's contact is in the reporters' table only, not in the reports table.
            Assert.Contains(host.Storage.Table("MisuseReporters").Query<TableEntity>(), r => r.GetString("Email") == email);
            Assert.DoesNotContain(host.Storage.Table("MisuseReports").Query<TableEntity>(), r => r.Keys.Any(k => r[k] is string s && s.Contains(email, StringComparison.Ordinal)));
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_field_errors_that_stores_nothing_and_an_unknown_reference_is_404()
    {
        PermitHost host = await SharedHost.GetAsync();
        string reportId = $"R-bad-{Guid.NewGuid():N}"[..24];
        var bad = new JsonObject
        {
            ["reportId"] = reportId,
            ["employerKbo"] = "0412345615",
            ["signals"] = new JsonArray("stolen-bikes"),
            ["description"] = "<b>x</b>",
        };

        (HttpStatusCode status, JsonNode? problem) = await SendAsync(host.Api.PostJsonAsync("/api/reports", bad));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        JsonObject errors = problem!["errors"]!.AsObject();
        Assert.Equal(["description", "employerKbo", "signals[0]"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Empty(host.Storage.Table("MisuseReports").Query<TableEntity>(r => r.RowKey == reportId));

        (HttpStatusCode unknownField, _) = await SendAsync(host.Api.PostRawAsync("/api/reports", $$"""{"reportId":"{{reportId}}","signals":["underpayment"],"description":"x","workerSituation":"y","extra":1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField);

        // Nothing was kept under the id: a valid report with it is new.
        var valid = new JsonObject
        {
            ["reportId"] = reportId,
            ["workerSituation"] = "A worker in a car wash, no contract shown.",
            ["signals"] = new JsonArray("unauthorised-work"),
            ["description"] = "Works seven days a week.",
        };
        (HttpStatusCode accepted, JsonNode? receipt) = await SendAsync(host.Api.PostJsonAsync("/api/reports", valid));
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        Assert.False(receipt!["repeated"]!.GetValue<bool>());

        foreach (string reference in new[] { "MR-" + new string('0', 40), "MR-1", "not-a-reference" })
        {
            using HttpResponseMessage missing = await host.Api.Http.GetAsync($"/api/reports/{reference}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        }

        using HttpResponseMessage noInspection = await host.Api.As(Roles.Inspector).Http.GetAsync("/api/inspections/reports?inspection=federal");
        Assert.Equal(HttpStatusCode.BadRequest, noInspection.StatusCode);
    }
}
