using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.CaseRecord;

/// <summary>
/// Each audience sees its part. An employer the fraud screening flags (an economic hub, §2.1) whose worker's diploma is
/// authenticated as false reads nothing of it, anywhere it can read, until the letter states the grounds; staff read
/// the whole record, with who did what.
/// </summary>
public sealed class AudienceTests
{
    /// <summary>The simulated sources flag this employer as an economic hub (README: pattern employers).</summary>
    const string EconomicHubKbo = "0200000142";

    /// <summary>Codes that would tip off the party under investigation, or tell a verdict before the letter.</summary>
    static readonly string[] Hidden =
    [
        "economic-hub", "signals", "rulesNotMet", "needsJudgement", "third-party", "document-authentication", "diplomatic-post",
        "\"false\"", "authentic", "caseworker-decided", "caseworker-decision", "\"approve\"", "verdict", "federal-decided",
        "federal-decision", "awaiting-federal-decision", "federal-handoff", "handoffId", "sources-gathered", "correctness",
        "decision-received", "one-view",
    ];

    [Fact]
    public async Task An_employer_under_suspicion_reads_only_its_own_procedure_and_staff_read_everything_with_who_did_it()
    {
        PermitHost host = await SharedHost.GetAsync();
        JsonObject application = Samples.Load(Samples.HighlySkilled, a => a["employer"]!["kbo"] = EconomicHubKbo);
        string applicationId = await host.Api.SubmitAsync(application);
        ApiClient employer = host.Api.AsApplicant(application);
        await host.Api.PayAsync(applicationId);
        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        string handoffId = (await host.FederalOffice.WaitForAsync(applicationId, "handoff", Scenario.StepTimeout)).GetProperty("handoffId").GetString()!;

        // The caseworker reads the one-view, doubts the diploma, and the consular post answers: false.
        ApiClient caseworker = host.Api.AsPerson(Roles.Caseworker, "cw-ann", "Ann Peeters");
        using (HttpResponseMessage overview = await caseworker.Http.GetAsync($"/api/applications/{applicationId}/overview"))
        {
            Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        }

        using (HttpResponseMessage asked = await caseworker.PostJsonAsync($"/api/applications/{applicationId}/third-party-requests", new JsonObject
        {
            ["requestId"] = "TP-DIPLOMA",
            ["kind"] = "document-authentication",
            ["authority"] = "diplomatic-post",
            ["documentType"] = "diploma",
            ["deadlineDays"] = 60,
        }))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        await Eventually.HoldsAsync(async () => (await Scenario.TimelineAsync(host, applicationId)).Contains("third-party-requested"), Scenario.StepTimeout, "the request");
        using (HttpResponseMessage answered = await caseworker.PostJsonAsync(
            $"/api/applications/{applicationId}/third-party-requests/TP-DIPLOMA/answer", new JsonObject { ["answerId"] = "ANS-F", ["answer"] = "false", ["note"] = "Not issued by the university." }))
        {
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        }

        await Eventually.HoldsAsync(async () => (await Scenario.TimelineAsync(host, applicationId)).Contains("third-party-answered"), Scenario.StepTimeout, "the answer");

        // Before the letter: the employer's status, its own commands' answers and its refused commands say nothing of it.
        var employerTexts = new List<string>
        {
            await employer.Http.GetStringAsync($"/api/applications/{applicationId}"),
        };
        using (HttpResponseMessage noLetter = await employer.Http.GetAsync($"/api/applications/{applicationId}/letter"))
        {
            Assert.Equal(HttpStatusCode.NotFound, noLetter.StatusCode);
            employerTexts.Add(await noLetter.Content.ReadAsStringAsync());
        }

        using (HttpResponseMessage repay = await employer.PostJsonAsync($"/api/applications/{applicationId}/payments", new JsonObject { ["paymentId"] = "PAY-AGAIN" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, repay.StatusCode); // the fee is paid: said in the employer's own terms
            employerTexts.Add(await repay.Content.ReadAsStringAsync());
        }

        using (HttpResponseMessage notTheirs = await employer.Http.GetAsync($"/api/applications/{applicationId}/commands/decision/DEC-X"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode); // a caseworker's command is not the employer's to read
        }

        JsonNode employerView = JsonNode.Parse(employerTexts[0])!;
        Assert.Equal("in-assessment", employerView["stage"]!.GetValue<string>());
        Assert.Null(employerView["decision"]);
        Assert.Null(employerView["federalLeg"]);
        Assert.Equal("paid", employerView["fee"]!["status"]!.GetValue<string>());
        AssertNothingHidden(employerTexts);

        // The caseworker decides (refusing on the false diploma); the federal office's approval is not the employer's business.
        await caseworker.DecideAsync(applicationId, "refuse", "false-documents");
        await Scenario.CompletedAsync(host, applicationId);
        using (HttpResponseMessage late = await host.Api.FederalAsync(applicationId, handoffId, "decision", "approved"))
        {
            Assert.True(late.IsSuccessStatusCode);
        }

        // After the letter: the decision and its grounds (the ground is the letter's), still nothing else.
        string letter = await employer.LetterTextAsync(applicationId);
        Assert.Contains("Decision: REFUSED", letter, StringComparison.Ordinal);
        string closed = await employer.Http.GetStringAsync($"/api/applications/{applicationId}");
        JsonNode closedView = JsonNode.Parse(closed)!;
        Assert.Equal("closed", closedView["stage"]!.GetValue<string>());
        Assert.Equal("false-documents", closedView["decision"]!["grounds"]![0]!["code"]!.GetValue<string>());
        AssertNothingHidden([closed.Replace("false-documents", "", StringComparison.Ordinal)]);
        Assert.All(closedView["timeline"]!.AsArray(), e => Assert.Null(e!["by"]));

        // Staff read the whole record, with the people: who read the one-view (managers audit that), who decided.
        JsonNode managerView = JsonNode.Parse(await host.Api.As(Roles.Manager).Http.GetStringAsync($"/api/applications/{applicationId}"))!;
        List<JsonNode> timeline = [.. managerView["timeline"]!.AsArray().Select(e => e!)];
        JsonNode read = timeline.Single(e => e["event"]!.GetValue<string>() == "one-view-read");
        Assert.Equal(("cw-ann", "Ann Peeters"), (read["by"]!.GetValue<string>(), read["byName"]!.GetValue<string>()));
        JsonNode decided = timeline.Single(e => e["event"]!.GetValue<string>() == "decision-received");
        Assert.Equal(("caseworker", "cw-ann", "Ann Peeters"), (decided["actor"]!.GetValue<string>(), decided["by"]!.GetValue<string>(), decided["byName"]!.GetValue<string>()));
        Assert.Contains(timeline, e => e["event"]!.GetValue<string>() == "awaiting-decision" && e["details"]!["signals"]!.GetValue<string>().Contains("economic-hub", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e["event"]!.GetValue<string>() == "third-party-answered" && e["details"]!["answer"]!.GetValue<string>() == "false");

        // A caseworker sees the record too, but not the reads of the one-view (that audit is for managers and inspectors).
        JsonNode caseworkerView = JsonNode.Parse(await caseworker.Http.GetStringAsync($"/api/applications/{applicationId}"))!;
        Assert.DoesNotContain(caseworkerView["timeline"]!.AsArray(), e => e!["event"]!.GetValue<string>() == "one-view-read");
        Assert.Contains(caseworkerView["timeline"]!.AsArray(), e => e!["event"]!.GetValue<string>() == "caseworker-decided");
    }

    static void AssertNothingHidden(IEnumerable<string> texts)
    {
        foreach (string text in texts)
        {
            foreach (string code in Hidden)
            {
                Assert.False(text.Contains(code, StringComparison.OrdinalIgnoreCase), $"The employer can read '{code}' in: {text}");
            }
        }
    }
}
