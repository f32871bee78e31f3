using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.CaseRecord;

/// <summary>
/// The applicant's commands on the real engine: a fee paid only on the payment provider's signed word and reopened by
/// its reversal (§2.5); a withdrawal and a correction before the decision; an information request beyond the limit
/// waiting for a manager's consent.
/// </summary>
public sealed class ApplicantCommandTests
{
    [Fact]
    public async Task A_fee_counts_as_paid_only_on_the_providers_signed_callback_and_a_reversal_reopens_it()
    {
        PermitHost host = await SharedHost.GetAsync();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.HighlySkilled));
        ApiClient employer = host.Api.AsEmployerOf(applicationId);
        try
        {
            // Starting a payment is not paying: the file keeps waiting for the fee.
            JsonNode started = await host.Api.StartPaymentAsync(applicationId, "PAY-A");
            Assert.Equal(("200.00", "EUR"), (started["details"]!["amount"]!.GetValue<string>(), started["details"]!["currency"]!.GetValue<string>()));
            JsonNode waiting = await WaitForAwaitedAsync(host, employer, applicationId, "fee");
            Assert.Equal("due", waiting["fee"]!["status"]!.GetValue<string>());
            Assert.Equal(started["details"]!["reference"]!.GetValue<string>(), waiting["fee"]!["reference"]!.GetValue<string>());

            // A forged callback (wrong secret) and a callback for another amount change nothing.
            string providerPaymentId = started["details"]!["providerPaymentId"]!.GetValue<string>();
            using (HttpResponseMessage forged = await host.Api.PostPaymentEventAsync(Event("evt-forged", "succeeded", applicationId, providerPaymentId, 200m), secret: "an-attacker-guessing-the-psp-secret-000001"))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            }

            using (HttpResponseMessage wrongAmount = await host.Api.PostPaymentEventAsync(Event("evt-cheap", "succeeded", applicationId, providerPaymentId, 20m)))
            {
                Assert.Equal(HttpStatusCode.OK, wrongAmount.StatusCode);
                JsonNode recorded = JsonNode.Parse(await wrongAmount.Content.ReadAsStringAsync())!;
                Assert.Equal(("recorded", "rejected"), (recorded["handling"]!.GetValue<string>(), recorded["command"]!["fate"]!.GetValue<string>()));
            }

            Assert.Equal("due", (await employer.GetAsync(applicationId))["fee"]!["status"]!.GetValue<string>());

            // The provider's confirmation of the fee's amount: paid, and the file goes on.
            using (HttpResponseMessage paid = await host.Api.PostPaymentEventAsync(Event("evt-paid", "succeeded", applicationId, providerPaymentId, 200m)))
            {
                Assert.Equal(HttpStatusCode.Accepted, paid.StatusCode);
            }

            await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
            Assert.Equal("paid", (await employer.GetAsync(applicationId))["fee"]!["status"]!.GetValue<string>());

            // The provider reverses it: the fee is due again, with a deadline, and an approval waits for it.
            using (HttpResponseMessage reversed = await host.Api.PostPaymentEventAsync(Event("evt-reversed", "reversed", applicationId, providerPaymentId, 200m)))
            {
                Assert.Equal(HttpStatusCode.Accepted, reversed.StatusCode);
            }

            JsonNode reopened = await WaitForAwaitedAsync(host, employer, applicationId, "fee");
            Assert.Equal("reversed", reopened["fee"]!["status"]!.GetValue<string>());
            Assert.Equal("awaiting-applicant", reopened["stage"]!.GetValue<string>());
            Assert.NotNull(reopened["fee"]!["dueBy"]);
            using (HttpResponseMessage approve = await host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{applicationId}/decision", new JsonObject
            {
                ["decisionId"] = "DEC-1",
                ["verdict"] = "approve",
                ["grounds"] = new JsonArray(),
                ["motivation"] = "All conditions met.",
            }))
            {
                Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
                Assert.Contains("fee", (await ApiClient.ProblemAsync(approve)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            // Paid again through a new payment: the file is back with the caseworker.
            await host.Api.PayAsync(applicationId);
            await Eventually.HoldsAsync(async () => (await employer.GetAsync(applicationId))["fee"]!["status"]!.GetValue<string>() == "paid", Scenario.StepTimeout, "the fee to be paid again");
            List<string> timeline = await Scenario.TimelineAsync(host, applicationId);
            Assert.Equal(2, timeline.Count(e => e == "fee-paid"));
            Assert.Single(timeline, e => e == "fee-reversed");
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task The_employer_withdraws_before_the_decision_and_the_application_closes_as_withdrawn()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.MediumSkilledShortage);
        ApiClient employer = host.Api.AsEmployerOf(applicationId);

        var withdrawal = new JsonObject { ["withdrawalId"] = "W-1", ["reason"] = "The worker took another job." };
        using (HttpResponseMessage withdrawn = await employer.PostJsonAsync($"/api/applications/{applicationId}/withdrawal", withdrawal))
        {
            Assert.Equal(HttpStatusCode.Accepted, withdrawn.StatusCode);
        }

        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("withdrawn", result["outcome"]!.GetValue<string>());
        Assert.Contains("Decision: WITHDRAWN at the applicant's request", await employer.LetterTextAsync(applicationId), StringComparison.Ordinal);
        System.Text.Json.JsonElement cancellation = await host.FederalOffice.WaitForAsync(applicationId, "cancellation", Scenario.StepTimeout);
        Assert.Equal(handoffId, cancellation.GetProperty("handoffId").GetString());

        // Once closed: the same withdrawal is its repeat; another is refused; the caseworker's decision too.
        using (HttpResponseMessage again = await employer.PostJsonAsync($"/api/applications/{applicationId}/withdrawal", withdrawal))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal("accepted", JsonNode.Parse(await again.Content.ReadAsStringAsync())!["fate"]!.GetValue<string>());
        }

        using (HttpResponseMessage another = await employer.PostJsonAsync($"/api/applications/{applicationId}/withdrawal", new JsonObject { ["withdrawalId"] = "W-2" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, another.StatusCode);
        }

        JsonNode employerView = await employer.GetAsync(applicationId);
        Assert.Equal(("closed", "withdrawn"), (employerView["stage"]!.GetValue<string>(), employerView["decision"]!["outcome"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_correction_is_kept_with_every_earlier_version_and_assessed_again()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        try
        {
            JsonObject sample = Samples.Load(Samples.WorkCard);
            JsonObject job = sample["job"]!.AsObject();
            job["title"] = "Orchard supervisor";
            using (HttpResponseMessage corrected = await host.Api.AsEmployerOf(applicationId).PostJsonAsync(
                $"/api/applications/{applicationId}/corrections", new JsonObject { ["correctionId"] = "C-1", ["job"] = job.DeepClone() }))
            {
                Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
            }

            await Eventually.HoldsAsync(async () => (await Scenario.TimelineAsync(host, applicationId)).Contains("reassessed"), Scenario.StepTimeout, "the corrected file to be assessed again");
            JsonNode overview = JsonNode.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/overview"))!;
            Assert.Equal("Orchard supervisor", overview["application"]!["job"]!["title"]!.GetValue<string>());

            using HttpResponseMessage invalid = await host.Api.AsEmployerOf(applicationId).PostJsonAsync(
                $"/api/applications/{applicationId}/corrections", new JsonObject { ["correctionId"] = "C-2" });
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task Information_requests_beyond_the_limit_wait_for_a_managers_consent_which_raises_or_rejects_them()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        try
        {
            ApiClient caseworker = host.Api.As(Roles.Caseworker);
            ApiClient employer = host.Api.AsEmployerOf(applicationId);

            // The policy lets a caseworker chain two requests alone (each answered here at once).
            for (int i = 1; i <= 2; i++)
            {
                using HttpResponseMessage asked = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/information-requests", Question($"INFO-{i}"));
                Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
                await WaitForAwaitedAsync(host, employer, applicationId, "information-response");
                using HttpResponseMessage answered = await employer.PostJsonAsync(
                    $"/api/applications/{applicationId}/documents",
                    new JsonObject { ["documents"] = new JsonArray(Samples.Document("information-response")), ["requestId"] = $"INFO-{i}" });
                Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
                await Eventually.HoldsAsync(async () => (await host.Api.GetAsync(applicationId))["openInformationRequestId"] is null, Scenario.StepTimeout, "the answer");
            }

            // The third is held: recorded, answered 202 with its fate, and nothing reaches the employer.
            using (HttpResponseMessage third = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/information-requests", Question("INFO-3")))
            {
                Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
                Assert.Equal("awaiting-consent", JsonNode.Parse(await third.Content.ReadAsStringAsync())!["fate"]!.GetValue<string>());
            }

            Assert.Null((await host.Api.GetAsync(applicationId))["openInformationRequestId"]);

            // A caseworker cannot consent; a manager can.
            using (HttpResponseMessage self = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/information-requests/INFO-3/consent", new JsonObject { ["grant"] = true }))
            {
                Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
            }

            using (HttpResponseMessage consent = await host.Api.As(Roles.Manager).PostJsonAsync(
                $"/api/applications/{applicationId}/information-requests/INFO-3/consent", new JsonObject { ["grant"] = true, ["reason"] = "The annex is needed." }))
            {
                Assert.Equal(HttpStatusCode.Accepted, consent.StatusCode);
            }

            await WaitForAwaitedAsync(host, employer, applicationId, "information-response");
            Assert.Equal("INFO-3", (await host.Api.GetAsync(applicationId))["openInformationRequestId"]!.GetValue<string>());
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    static JsonObject Question(string requestId) => new() { ["requestId"] = requestId, ["question"] = "Please send the signed contract annex.", ["deadlineDays"] = 60 };

    static string Event(string eventId, string type, string applicationId, string providerPaymentId, decimal amount) => new JsonObject
    {
        ["eventId"] = eventId,
        ["type"] = type,
        ["applicationId"] = applicationId,
        ["paymentId"] = "PAY-A",
        ["providerPaymentId"] = providerPaymentId,
        ["amount"] = amount,
        ["currency"] = "EUR",
    }.ToJsonString();

    /// <summary>Waits until the applicant's view lists <paramref name="item"/> among what is awaited from it.</summary>
    static Task<JsonNode> WaitForAwaitedAsync(PermitHost host, ApiClient employer, string applicationId, string item) =>
        Eventually.ReturnsAsync(
            async () => await employer.GetAsync(applicationId) is { } view && view["awaiting"]!.AsArray().Any(a => a!["item"]!.GetValue<string>() == item) ? view : null,
            Scenario.StepTimeout,
            $"{applicationId} to await {item} from the applicant");
}
