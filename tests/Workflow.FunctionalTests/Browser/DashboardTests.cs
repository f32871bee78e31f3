using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Tests.Shared;

namespace Workflow.FunctionalTests.Browser;

/// <summary>
/// The managers' dashboard in a real browser, on a host of its own whose projection holds rows with figures known by
/// construction (written through the adapter; <see cref="Dashboard.DashboardApiTests"/> shows the workflow writes
/// them): three fast-lane files decided in 3, 5 and 9 days (p50 5, p90 9), one file at risk (a real application on
/// the caseworker's desk, its row made to be 2 days from its due date) and one past its due date, and salary bands
/// too small to show. The page shows those figures, its at-risk link opens the application in the workbench, a table
/// downloads as CSV, a month range narrows the KPIs, a caseworker sees only their own work; axe finds nothing serious and
/// the pages log no error.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    static readonly DateTimeOffset September = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(new PermitHostOptions { PolicyDay = TimeSpan.FromSeconds(30) });

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task A_manager_sees_the_figures_computed_by_hand_and_opens_an_at_risk_application()
    {
        (string atRisk, _) = await Scenario.AtCaseworkerAsync(this.host, Samples.WorkCard);
        ICaseFacts projection = this.host.Services.GetRequiredService<ICaseFacts>();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        (string Id, double Days, string Band)[] decided = [("DASH-FAST-3", 3, SalaryBands.UpTo110), ("DASH-FAST-5", 5, SalaryBands.UpTo110), ("DASH-FAST-9", 9, SalaryBands.From150)];
        foreach ((string id, double days, string band) in decided)
        {
            await projection.RecordAsync(CaseFactsSeeds.Decided(id, PermitCategory.HighlySkilled, September, days), CancellationToken.None);
            await projection.RecordAssessmentAsync(id, new AssessmentFacts(band, 2025, []), CancellationToken.None);
        }

        // The real application's row, later than anything its workflow writes: 28 of its 30 days gone, so at risk.
        await projection.RecordAsync(CaseFactsSeeds.Open(atRisk, PermitCategory.WorkCard, now, 28) with { Revision = 100_000, RecordedAt = now.AddYears(100) }, CancellationToken.None);
        await projection.RecordAsync(CaseFactsSeeds.Open("DASH-LATE", PermitCategory.Other, now, 32), CancellationToken.None);

        await using BrowserSession browser = await BrowserSession.OpenAsync(this.host);
        IPage page = await browser.GotoAsync("/dashboard/");
        await BrowserSession.SignInAsync(page, BrowserSession.Token("manager", name: "Mia Manager"));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard voor leidinggevenden");
        await Assertions.Expect(page.Locator("#open-total")).ToHaveTextAsync("2");

        // The KPIs of September's fast lane: p50 5, p90 9, mean 5.7, longest 9 against the maximum of 15, all in time.
        ILocator fastLane = page.Locator("#kpis-table tbody tr", new() { HasText = "snelle procedure" });
        await Assertions.Expect(fastLane).ToHaveCountAsync(1);
        ILocator cells = fastLane.Locator("td");
        await Assertions.Expect(cells.Nth(0)).ToHaveTextAsync("2026-09");
        await Assertions.Expect(cells.Nth(2)).ToHaveTextAsync("3");
        await Assertions.Expect(cells.Nth(3)).ToHaveTextAsync("5 d.");
        await Assertions.Expect(cells.Nth(4)).ToHaveTextAsync("9 d.");
        await Assertions.Expect(cells.Nth(5)).ToHaveTextAsync("5,7 d.");
        await Assertions.Expect(cells.Nth(6)).ToHaveTextAsync("9 d.");
        await Assertions.Expect(cells.Nth(7)).ToHaveTextAsync("15 d.");
        await Assertions.Expect(cells.Nth(8)).ToHaveTextAsync("ja");
        await Assertions.Expect(cells.Nth(9)).ToHaveTextAsync("100%");

        // Two and one granted highly skilled per band: too few to show.
        await Assertions.Expect(page.Locator("#salary-bands tbody tr", new() { HasText = "100–110 %" }).Locator("td").Nth(2)).ToHaveTextAsync("< 5");
        await Assertions.Expect(page.Locator("#salary-bands tbody tr", new() { HasText = "150 % en meer" }).Locator("td").Nth(2)).ToHaveTextAsync("< 5");
        await Assertions.Expect(page.Locator("#breached tbody tr")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("DASH-LATE.*-2 d\\."));
        await Assertions.Expect(page.Locator("canvas[role=img]")).ToHaveCountAsync(3); // each chart beside its table

        // Every table downloads as CSV: the KPI table's figures as shown.
        IDownload download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator(".dash-table", new() { Has = page.Locator("#kpis-table") }).GetByRole(AriaRole.Button, new() { Name = "CSV downloaden" }).ClickAsync());
        string csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal("kpis-table.csv", download.SuggestedFilename);
        Assert.Contains("2026-09,snelle procedure,3,5 d.,9 d.,\"5,7 d.\",9 d.,15 d.,ja,100%", csv, StringComparison.Ordinal);

        await BrowserSession.AssertAccessibleAsync(page, "dashboard (nl)");
        string screenshot = await BrowserSession.ScreenshotAsync(page, "dashboard");
        Assert.True(new FileInfo(screenshot).Length > 0);

        // Months from October on: September's decisions leave the KPIs; all months bring them back.
        await page.GetByLabel("Van", new() { Exact = true }).FillAsync("2026-10");
        await page.GetByLabel("Tot en met").FillAsync("2026-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await Assertions.Expect(page.Locator("#range-shown")).ToHaveTextAsync("Maanden 2026-10 tot en met 2026-12.");
        await Assertions.Expect(page.Locator("#kpis-table tbody tr", new() { HasText = "snelle procedure" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Alle maanden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kpis-table tbody tr", new() { HasText = "snelle procedure" })).ToHaveCountAsync(1);

        // The at-risk list leads to the application in the workbench.
        ILocator link = page.Locator("#at-risk").GetByRole(AriaRole.Link, new() { Name = atRisk });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"/workbench/#/applications/{atRisk}");
        await link.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Dossier {atRisk}");

        // In English too.
        await page.GotoAsync("/dashboard/");
        await page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Managers' dashboard");
        await Assertions.Expect(page.Locator("#kpis-table tbody tr", new() { HasText = "fast lane" }).Locator("td").Nth(3)).ToHaveTextAsync("5 d");
        await BrowserSession.AssertAccessibleAsync(page, "dashboard (en)");
        browser.AssertNoProblems();

        // A caseworker sees their own work: the application they claimed, and nothing of the service's figures.
        ApiClient ann = this.host.Api.AsPerson(Roles.Caseworker, "cw-ann", "Ann Peeters");
        using (HttpResponseMessage claimed = await ann.PostJsonAsync($"/api/applications/{atRisk}/assignment/claim", new System.Text.Json.Nodes.JsonObject()))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, claimed.StatusCode);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserSession.SignInAsync(page, BrowserSession.Token("caseworker", subject: "cw-ann", name: "Ann Peeters"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My work");
        await Assertions.Expect(page.Locator("#open-total")).ToHaveTextAsync("1");
        ILocator ownRow = page.Locator("#open-by-stage tbody tr"); // its own clock, not the seeded row: on track
        await Assertions.Expect(ownRow).ToHaveCountAsync(1);
        await Assertions.Expect(ownRow.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#kpis-table")).ToHaveCountAsync(0);
        await BrowserSession.AssertAccessibleAsync(page, "own work (en)");
        browser.AssertNoProblems();
        await Scenario.EndAsync(this.host, atRisk);
    }
}
