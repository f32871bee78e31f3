using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.Adapters.Simulated;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Rules;

/// <summary>§2.1: an employer, or one of its directors, excluded after earlier violations cannot apply.</summary>
public sealed class ExclusionTests
{
    static Action<JsonObject> Employer(string kbo) => sample => sample["employer"]!["kbo"] = kbo;

    [Fact]
    public async Task An_excluded_director_of_an_otherwise_clean_employer_makes_the_application_inadmissible()
    {
        PermitHost host = await SharedHost.GetAsync();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, Employer(SimulatedAuthenticSources.PatternEmployers.ExcludedDirector)));

        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("inadmissible", result["outcome"]!.GetValue<string>());
        Assert.Equal(["employer-excluded"], result["grounds"]!.AsArray().Select(g => g!.GetValue<string>()));

        JsonNode overview = JsonNode.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/overview"))!;
        JsonNode exclusion = Assert.Single(overview["admissibility"]!["exclusions"]!.AsArray())!;
        Assert.Equal("director", exclusion["party"]!.GetValue<string>());
        Assert.Equal(SimulatedAuthenticSources.PatternEmployers.ExcludedDirectorReference, exclusion["partyReference"]!.GetValue<string>());

        // The employer itself passes the check: its figures are clean and it is not in the registry.
        Assert.Empty(overview["admissibility"]!["missingDocuments"]!.AsArray());
        string letter = await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/letter");
        Assert.Contains("Decision: INADMISSIBLE", letter, StringComparison.Ordinal);
        Assert.Contains("(§2.1, employer-excluded)", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_employer_excluded_through_the_registry_API_cannot_apply_from_the_exclusion_date()
    {
        PermitHost host = await SharedHost.GetAsync();
        string kbo = "0200000637"; // valid check digits, used by no other test
        using HttpResponseMessage added = await host.Api.As(Roles.Manager).PostJsonAsync("/api/exclusions", new JsonObject
        {
            ["party"] = "employer",
            ["partyReference"] = kbo,
            ["from"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["reasonCode"] = "illegal-employment",
            ["decisionReference"] = "SANCTION-TEST-1",
        });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, Employer(kbo)));
        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("inadmissible", result["outcome"]!.GetValue<string>());
        Assert.Contains("excluded-party", await Scenario.TimelineAsync(host, applicationId));

        using HttpResponseMessage invalid = await host.Api.As(Roles.Inspector).PostJsonAsync("/api/exclusions", new JsonObject
        {
            ["party"] = "employer",
            ["partyReference"] = "0200000638",
            ["from"] = "2026-01-01",
            ["reasonCode"] = "illegal-employment",
            ["decisionReference"] = "SANCTION-TEST-2",
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}
