using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Workflow.Adapters.Simulated;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Rules;

/// <summary>
/// §2.1: an employer, or one of its directors, excluded after earlier violations cannot apply. The registry is kept
/// four-eyes through the HTTP API: an exclusion, a lift and a correction are proposals by one person that apply once a
/// second person confirms them; every change is kept with who and when; directors are named by INSZ and the tables
/// know them only by a keyed fingerprint.
/// </summary>
public sealed class ExclusionTests
{
    static Action<JsonObject> Employer(string kbo) => sample => sample["employer"]!["kbo"] = kbo;

    static string Day(int daysFromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A KBO number with valid check digits that no other test uses.</summary>
    static string FreshKbo()
    {
        long firstEight = 7_000_000 + Random.Shared.Next(0, 999_999);
        return string.Create(CultureInfo.InvariantCulture, $"{firstEight:D8}{97 - (firstEight % 97):D2}");
    }

    static string FreshId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    /// <summary>Two people of each role that may keep the registry, for this test only.</summary>
    static (ApiClient InspectorA, ApiClient ManagerB) Keepers(PermitHost host)
    {
        string run = Guid.NewGuid().ToString("N")[..8];
        return (host.Api.AsPerson(Roles.Inspector, $"inspector-a-{run}", "Inspector A"), host.Api.AsPerson(Roles.Manager, $"manager-b-{run}"));
    }

    static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(ApiClient client, string path, JsonObject? body = null)
    {
        HttpResponseMessage response = await client.PostJsonAsync(path, body ?? new JsonObject());
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    static async Task<JsonNode> ExclusionAsync(PermitHost host, string exclusionId) =>
        JsonNode.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/exclusions/{exclusionId}"))!;

    static async Task<JsonNode> OverviewAsync(PermitHost host, string applicationId) =>
        JsonNode.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/overview"))!;

    /// <summary>Proposes as <paramref name="author"/> and confirms as <paramref name="confirmer"/>; returns the exclusion id.</summary>
    static async Task<string> ExcludeAsync(ApiClient author, ApiClient confirmer, JsonObject proposal)
    {
        (HttpStatusCode proposed, JsonNode? receipt, HttpResponseMessage response) = await PostAsync(author, "/api/exclusions", proposal);
        response.Dispose();
        Assert.True(proposed == HttpStatusCode.Accepted, $"proposal answered {(int)proposed}: {receipt}");
        string exclusionId = proposal["exclusionId"]!.GetValue<string>();
        (HttpStatusCode confirmed, JsonNode? body, HttpResponseMessage confirmation) = await PostAsync(confirmer, $"/api/exclusions/{exclusionId}/confirm");
        confirmation.Dispose();
        Assert.True(confirmed == HttpStatusCode.OK, $"confirmation answered {(int)confirmed}: {body}");
        return exclusionId;
    }

    static JsonObject EmployerExclusion(string exclusionId, string kbo, string from, string? until = null) => new()
    {
        ["exclusionId"] = exclusionId,
        ["party"] = "employer",
        ["partyReference"] = kbo,
        ["from"] = from,
        ["until"] = until,
        ["reasonCode"] = "illegal-employment",
        ["decisionReference"] = "SANCTION-" + exclusionId,
    };

    static async Task<string> AdmissibleAsync(PermitHost host, string kbo)
    {
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, Employer(kbo)));
        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        return applicationId;
    }

    [Fact]
    public async Task An_excluded_director_of_an_otherwise_clean_employer_makes_the_application_inadmissible()
    {
        PermitHost host = await SharedHost.GetAsync();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, Employer(SimulatedAuthenticSources.PatternEmployers.ExcludedDirector)));

        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("inadmissible", result["outcome"]!.GetValue<string>());
        Assert.Equal(["director-excluded"], result["grounds"]!.AsArray().Select(g => g!.GetValue<string>()));

        JsonNode overview = await OverviewAsync(host, applicationId);
        JsonNode exclusion = Assert.Single(overview["admissibility"]!["exclusions"]!.AsArray())!;
        Assert.Equal("director", exclusion["party"]!.GetValue<string>());
        Assert.Equal(SimulatedAuthenticSources.PatternEmployers.ExcludedDirectorInsz, exclusion["partyReference"]!.GetValue<string>());
        Assert.Equal(SimulatedExclusions.ExcludedDirectorId, exclusion["exclusionId"]!.GetValue<string>());

        // The employer itself passes the check: its figures are clean and it is not in the registry.
        Assert.Empty(overview["admissibility"]!["missingDocuments"]!.AsArray());
        string letter = await host.Api.As(Roles.Caseworker).LetterTextAsync(applicationId);
        Assert.Contains("Decision: INADMISSIBLE", letter, StringComparison.Ordinal);
        Assert.Contains("Een bestuurder van de werkgever is na eerdere inbreuken uitgesloten van de aanvraagprocedure. (§2.1, director-excluded)", letter, StringComparison.Ordinal);
        Assert.Contains("A director of the employer is excluded from the application procedure after earlier violations. (§2.1, director-excluded)", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("employer-excluded", letter, StringComparison.Ordinal); // an excluded director is not an excluded employer

        // The seed is in the registry as four eyes want it.
        JsonNode seeded = await ExclusionAsync(host, SimulatedExclusions.ExcludedDirectorId);
        Assert.Equal("confirmed", seeded["status"]!.GetValue<string>());
        Assert.Equal(["simulation", "simulation-second"], seeded["history"]!.AsArray().Select(h => h!["by"]!["subject"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_employer_exclusion_applies_once_a_second_person_confirms_it_and_no_longer_once_a_confirmed_lift_ends_it()
    {
        PermitHost host = await SharedHost.GetAsync();
        (ApiClient inspectorA, ApiClient managerB) = Keepers(host);
        string kbo = FreshKbo();
        string exclusionId = FreshId("EXC");
        JsonObject proposal = EmployerExclusion(exclusionId, kbo, Day(-1));

        // Proposed by inspector A: a proposal, not in force. The same request again answers with the first receipt.
        (HttpStatusCode status, JsonNode? receipt, HttpResponseMessage response) = await PostAsync(inspectorA, "/api/exclusions", proposal);
        using (response)
        {
            Assert.Equal(HttpStatusCode.Accepted, status);
            Assert.Equal($"/api/exclusions/{exclusionId}", response.Headers.Location?.ToString());
        }

        Assert.Equal("exclusion-proposed", receipt!["event"]!.GetValue<string>());
        Assert.Equal(Roles.Inspector, receipt["by"]!["role"]!.GetValue<string>());
        Assert.Equal("Inspector A", receipt["by"]!["name"]!.GetValue<string>());
        (HttpStatusCode repeated, JsonNode? repeatReceipt, HttpResponseMessage repeat) = await PostAsync(inspectorA, "/api/exclusions", proposal);
        repeat.Dispose();
        Assert.Equal(HttpStatusCode.OK, repeated);
        Assert.Equal(receipt.ToJsonString(), repeatReceipt!.ToJsonString());
        JsonObject other = EmployerExclusion(exclusionId, kbo, Day(-2));
        (HttpStatusCode conflicting, _, HttpResponseMessage conflict) = await PostAsync(inspectorA, "/api/exclusions", other);
        conflict.Dispose();
        Assert.Equal(HttpStatusCode.Conflict, conflicting);

        JsonNode pending = await ExclusionAsync(host, exclusionId);
        Assert.Equal("proposed", pending["status"]!.GetValue<string>());
        Assert.False(pending["inForce"]!.GetValue<bool>());
        Assert.Equal(kbo, pending["partyReference"]!.GetValue<string>());

        // Four eyes: the author's confirmation is refused with the reason; a manager's puts it in force.
        (HttpStatusCode own, JsonNode? ownProblem, HttpResponseMessage ownResponse) = await PostAsync(inspectorA, $"/api/exclusions/{exclusionId}/confirm");
        ownResponse.Dispose();
        Assert.Equal(HttpStatusCode.Conflict, own);
        Assert.Contains("Four eyes", ownProblem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("proposed", (await ExclusionAsync(host, exclusionId))["status"]!.GetValue<string>());

        (HttpStatusCode confirmed, JsonNode? confirmation, HttpResponseMessage confirmResponse) = await PostAsync(managerB, $"/api/exclusions/{exclusionId}/confirm");
        confirmResponse.Dispose();
        Assert.Equal(HttpStatusCode.OK, confirmed);
        (HttpStatusCode confirmedAgain, JsonNode? sameConfirmation, HttpResponseMessage again) = await PostAsync(managerB, $"/api/exclusions/{exclusionId}/confirm");
        again.Dispose();
        Assert.Equal(HttpStatusCode.OK, confirmedAgain);
        Assert.Equal(confirmation!.ToJsonString(), sameConfirmation!.ToJsonString());
        Assert.True((await ExclusionAsync(host, exclusionId))["inForce"]!.GetValue<bool>());

        // A new application of that employer is inadmissible, with the exclusion named in the dossier.
        string barred = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, Employer(kbo)));
        JsonNode result = await Scenario.CompletedAsync(host, barred);
        Assert.Equal("inadmissible", result["outcome"]!.GetValue<string>());
        Assert.Contains("excluded-party", await Scenario.TimelineAsync(host, barred));
        JsonNode found = Assert.Single((await OverviewAsync(host, barred))["admissibility"]!["exclusions"]!.AsArray())!;
        Assert.Equal(exclusionId, found["exclusionId"]!.GetValue<string>());
        Assert.Equal(kbo, found["partyReference"]!.GetValue<string>());

        // Lifted: proposed by the manager, refused to the manager, confirmed by the inspector.
        var lift = new JsonObject { ["changeId"] = "LIFT-1", ["reasonCode"] = "annulled-on-appeal", ["decisionReference"] = "APPEAL-" + exclusionId };
        (HttpStatusCode liftStatus, JsonNode? liftReceipt, HttpResponseMessage liftResponse) = await PostAsync(managerB, $"/api/exclusions/{exclusionId}/lift", lift);
        liftResponse.Dispose();
        Assert.Equal(HttpStatusCode.Accepted, liftStatus);
        Assert.Equal("lift-proposed", liftReceipt!["event"]!.GetValue<string>());
        Assert.True((await ExclusionAsync(host, exclusionId))["inForce"]!.GetValue<bool>());
        (HttpStatusCode ownLift, _, HttpResponseMessage ownLiftResponse) = await PostAsync(managerB, $"/api/exclusions/{exclusionId}/changes/LIFT-1/confirm");
        ownLiftResponse.Dispose();
        Assert.Equal(HttpStatusCode.Conflict, ownLift);
        (HttpStatusCode liftConfirmed, _, HttpResponseMessage liftConfirmResponse) = await PostAsync(inspectorA, $"/api/exclusions/{exclusionId}/changes/LIFT-1/confirm");
        liftConfirmResponse.Dispose();
        Assert.Equal(HttpStatusCode.OK, liftConfirmed);

        // A later application of the employer is admissible again.
        string later = await AdmissibleAsync(host, kbo);
        Assert.Empty((await OverviewAsync(host, later))["admissibility"]!["exclusions"]!.AsArray());
        await Scenario.EndAsync(host, later);

        // Every change is kept: who proposed and who confirmed what, when, in order.
        JsonNode lifted = await ExclusionAsync(host, exclusionId);
        Assert.Equal("lifted", lifted["status"]!.GetValue<string>());
        Assert.False(lifted["inForce"]!.GetValue<bool>());
        JsonArray history = lifted["history"]!.AsArray();
        Assert.Equal(
            ["exclusion-proposed inspector", "exclusion-confirmed manager", "lift-proposed manager", "lift-confirmed inspector"],
            history.Select(h => $"{h!["event"]} {h["by"]!["role"]}"));
        Assert.Equal(receipt["by"]!["subject"]!.GetValue<string>(), history[0]!["by"]!["subject"]!.GetValue<string>());
        Assert.Equal("LIFT-1", history[3]!["changeId"]!.GetValue<string>());
        List<DateTimeOffset> times = [.. history.Select(h => Scenario.Time(h!["at"]))];
        Assert.Equal(times.Order(), times);
        Assert.Equal(Scenario.Time(receipt["at"]), times[0]);

        // Bad input stores nothing and gets the field named.
        using HttpResponseMessage invalid = await managerB.PostJsonAsync("/api/exclusions", EmployerExclusion(FreshId("EXC"), "0200000638", Day(0)));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await ApiClient.ProblemAsync(invalid)).GetProperty("errors").TryGetProperty("partyReference", out _));
    }

    [Fact]
    public async Task A_director_excluded_by_INSZ_bars_the_companies_they_direct_and_the_tables_hold_no_clear_number()
    {
        PermitHost host = await SharedHost.GetAsync();
        (ApiClient inspectorA, ApiClient managerB) = Keepers(host);
        string kbo = FreshKbo();

        // The caseworker's one-view lists the enterprise's current directors by INSZ, as KBO gives them.
        string first = await AdmissibleAsync(host, kbo);
        JsonNode sources = (await OverviewAsync(host, first))["authenticSources"]!;
        string director = sources["records"]!.AsArray()
            .Single(r => r!["source"]!.GetValue<string>() == "kbo" && r["field"]!.GetValue<string>() == "director-person-numbers")!["value"]!
            .GetValue<string>().Split(',')[0];
        Assert.Matches("^[0-9]{11}$", director);
        string written = $"{director[..2]}.{director[2..4]}.{director[4..6]}-{director[6..9]}.{director[9..]}";

        string exclusionId = FreshId("EXC-DIR");
        await ExcludeAsync(managerB, inspectorA, new JsonObject
        {
            ["exclusionId"] = exclusionId,
            ["party"] = "director",
            ["partyReference"] = written,
            ["from"] = Day(-1),
            ["reasonCode"] = "economic-hub",
            ["decisionReference"] = "SANCTION-" + exclusionId,
        });

        // A new application of a company this director runs is inadmissible; the dossier names the director.
        string barred = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, Employer(kbo)));
        Assert.Equal("inadmissible", (await Scenario.CompletedAsync(host, barred))["outcome"]!.GetValue<string>());
        JsonNode found = Assert.Single((await OverviewAsync(host, barred))["admissibility"]!["exclusions"]!.AsArray())!;
        Assert.Equal("director", found["party"]!.GetValue<string>());
        Assert.Equal(director, found["partyReference"]!.GetValue<string>());
        Assert.Equal(exclusionId, found["exclusionId"]!.GetValue<string>());

        // The registry shows the person (from the dossier store) to those who keep and read it.
        JsonNode exclusion = await ExclusionAsync(host, exclusionId);
        Assert.Equal(director, exclusion["partyReference"]!.GetValue<string>());
        Assert.Equal("confirmed", exclusion["status"]!.GetValue<string>());

        // The exclusion table knows the director by fingerprint only: no form of the number in any row.
        List<string> rows = [];
        await foreach (TableEntity row in host.Storage.Table("Exclusions").QueryAsync<TableEntity>())
        {
            rows.Add(string.Join(" ", row.Select(p => $"{p.Key}={p.Value}")));
        }

        Assert.Contains(rows, row => row.Contains(exclusionId, StringComparison.Ordinal) && row.Contains("PartyKey=director:", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains(director, StringComparison.Ordinal) || row.Contains(written, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains(SimulatedAuthenticSources.PatternEmployers.ExcludedDirectorInsz, StringComparison.Ordinal));

        await Scenario.EndAsync(host, first);
    }

    [Fact]
    public async Task A_confirmed_correction_of_the_until_date_ends_the_bar_for_later_applications()
    {
        PermitHost host = await SharedHost.GetAsync();
        (ApiClient inspectorA, ApiClient managerB) = Keepers(host);
        string kbo = FreshKbo();
        string exclusionId = await ExcludeAsync(inspectorA, managerB, EmployerExclusion(FreshId("EXC"), kbo, Day(-10), Day(30)));

        var correction = new JsonObject
        {
            ["changeId"] = "CORR-1",
            ["from"] = Day(-10),
            ["until"] = Day(-2),
            ["reasonCode"] = "illegal-employment",
            ["decisionReference"] = "SANCTION-" + exclusionId,
        };
        (HttpStatusCode proposed, _, HttpResponseMessage proposal) = await PostAsync(inspectorA, $"/api/exclusions/{exclusionId}/corrections", correction);
        proposal.Dispose();
        Assert.Equal(HttpStatusCode.Accepted, proposed);
        (HttpStatusCode repeated, _, HttpResponseMessage repeat) = await PostAsync(inspectorA, $"/api/exclusions/{exclusionId}/corrections", correction);
        repeat.Dispose();
        Assert.Equal(HttpStatusCode.OK, repeated);

        JsonNode pending = await ExclusionAsync(host, exclusionId);
        Assert.Equal(Day(30), pending["terms"]!["until"]!.GetValue<string>());
        Assert.Equal(["CORR-1"], pending["pendingChanges"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(pending["inForce"]!.GetValue<bool>());

        (HttpStatusCode own, _, HttpResponseMessage ownResponse) = await PostAsync(inspectorA, $"/api/exclusions/{exclusionId}/changes/CORR-1/confirm");
        ownResponse.Dispose();
        Assert.Equal(HttpStatusCode.Conflict, own);
        (HttpStatusCode confirmed, _, HttpResponseMessage confirmation) = await PostAsync(managerB, $"/api/exclusions/{exclusionId}/changes/CORR-1/confirm");
        confirmation.Dispose();
        Assert.Equal(HttpStatusCode.OK, confirmed);

        JsonNode corrected = await ExclusionAsync(host, exclusionId);
        Assert.Equal(Day(-2), corrected["terms"]!["until"]!.GetValue<string>());
        Assert.False(corrected["inForce"]!.GetValue<bool>());
        Assert.Empty(corrected["pendingChanges"]!.AsArray());
        JsonNode correctionProposed = corrected["history"]!.AsArray().Single(h => h!["event"]!.GetValue<string>() == "correction-proposed")!;
        Assert.Equal(Day(-2), correctionProposed["terms"]!["until"]!.GetValue<string>());
        Assert.Equal(Roles.Inspector, correctionProposed["by"]!["role"]!.GetValue<string>());
        Assert.Equal(Roles.Manager, corrected["history"]!.AsArray().Single(h => h!["event"]!.GetValue<string>() == "correction-confirmed")!["by"]!["role"]!.GetValue<string>());

        string later = await AdmissibleAsync(host, kbo);
        await Scenario.EndAsync(host, later);
    }

    [Fact]
    public async Task The_registry_is_read_a_page_at_a_time_with_a_continuation_token()
    {
        PermitHost host = await SharedHost.GetAsync();
        (ApiClient inspectorA, ApiClient managerB) = Keepers(host);
        string mine = FreshId("EXC-PAGE");
        using (HttpResponseMessage proposed = await inspectorA.PostJsonAsync("/api/exclusions", EmployerExclusion(mine, FreshKbo(), Day(0))))
        {
            Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        }

        var seen = new List<string>();
        string? continuation = null;
        int pages = 0;
        do
        {
            string url = "/api/exclusions?pageSize=2" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            JsonNode page = JsonNode.Parse(await managerB.Http.GetStringAsync(url))!;
            JsonArray items = page["items"]!.AsArray();
            Assert.InRange(items.Count, 1, 2);
            Assert.All(items, item => Assert.Null(item!["history"]));
            seen.AddRange(items.Select(i => i!["exclusionId"]!.GetValue<string>()));
            continuation = page["continuation"]?.GetValue<string>();
            pages++;
        }
        while (continuation is not null && pages < 500);

        Assert.Null(continuation);
        Assert.True(pages >= 2, $"{pages} pages");
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Contains(mine, seen);
        Assert.Contains(SimulatedExclusions.ExcludedEmployerId, seen);
        Assert.Contains(SimulatedExclusions.ExcludedDirectorId, seen);

        foreach (string bad in new[] { "?pageSize=0", "?pageSize=201", "?pageSize=x", "?continuation=%3Cscript%3E", "?continuation=bm90IGFuIGlk" })
        {
            using HttpResponseMessage refused = await managerB.Http.GetAsync("/api/exclusions" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(400, (await ApiClient.ProblemAsync(refused)).GetProperty("status").GetInt32());
        }

        using HttpResponseMessage unknown = await managerB.Http.GetAsync("/api/exclusions/NO-SUCH-EXCLUSION");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
