using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Rules;

/// <summary>
/// One application per category through the HTTP API, from submission to the letter: the overview shows the rules of
/// the category (each with its section), the authentic sources with source and retrieval time, and the decision closes it.
/// </summary>
public sealed class CategoryEndToEndTests
{
    [Theory]
    [InlineData(Samples.HighlySkilled, "highly-skilled.function-level:met,highly-skilled.salary:met,highly-skilled.not-lower-level-function:met")]
    [InlineData(Samples.MediumSkilledShortage, "medium-skilled.on-migration-list:met,medium-skilled.salary:met,medium-skilled.function-level:met")]
    [InlineData(Samples.Other, "other.not-low-skilled:met,labour-market-test.vdab:met,labour-market-test.eures:met,labour-market-test.search-dossier:met,labour-market-test.local-worker-judgement:needs-judgement")]
    [InlineData(Samples.Seasonal, "other.not-low-skilled:met,labour-market-test.vdab:met,labour-market-test.eures:met,labour-market-test.local-worker-judgement:needs-judgement")]
    [InlineData(Samples.MinisterOfReligion, "minister.shortage-proof:met,minister.integration-test:not-applicable")]
    [InlineData(Samples.WorkCard, "work-card.category-conditions:not-applicable")]
    [InlineData(Samples.ProfessionalCard, "professional-card.category-conditions:not-applicable")]
    public async Task An_application_of_each_category_runs_to_its_letter_with_its_rules_in_the_overview(string category, string expectedRules)
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, category);

        JsonNode overview = JsonNode.Parse(await host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/overview"))!;
        Dictionary<string, JsonNode> rules = overview["assessment"]!["rules"]!.AsArray().ToDictionary(r => r!["ruleId"]!.GetValue<string>(), r => r!);
        foreach (string expected in expectedRules.Split(','))
        {
            string[] parts = expected.Split(':');
            Assert.True(rules.TryGetValue(parts[0], out JsonNode? rule), $"rule {parts[0]} is missing from the overview of {category}");
            Assert.Equal(parts[1], rule!["outcome"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(rule["section"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(rule["explanation"]!.GetValue<string>()));
        }

        // The one-view: every value with its source and retrieval time.
        JsonArray records = overview["authenticSources"]!["records"]!.AsArray();
        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            Assert.NotNull(r!["source"]);
            Assert.NotNull(r["retrievedAt"]);
        });
        Assert.Empty(overview["admissibility"]!["exclusions"]!.AsArray());
        Assert.Contains(overview["grounds"]!.AsArray(), g => g!["code"]!.GetValue<string>() == "economic-hub" && g["section"]!.GetValue<string>() == "§2.1");

        if (handoffId is not null)
        {
            using HttpResponseMessage federal = await host.Api.FederalAsync(applicationId, handoffId, "decision", "approved");
            Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
        }

        await host.Api.DecideAsync(applicationId, "approve");
        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("granted", result["outcome"]!.GetValue<string>());
        string letter = await host.Api.As(Roles.Caseworker).LetterTextAsync(applicationId);
        Assert.Contains("Decision: GRANTED", letter, StringComparison.Ordinal);
    }
}
