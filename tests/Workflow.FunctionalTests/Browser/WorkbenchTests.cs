using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Api;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Browser;

/// <summary>
/// The caseworker workbench in a real browser on a real host, with applications made through the API: a caseworker
/// claims a file from the worklist, reads its one-view (rules with their sections, sources with their provenance, a
/// document), asks for information (the clock pauses on the page), and decides once the employer answered; approving
/// against a document found false shows the API's 409 and 422 and succeeds with an override reason; a manager
/// reassigns a file and consents to an information request. Every page passes axe and logs no error.
/// </summary>
public sealed partial class WorkbenchTests(WorkbenchTests.Fixture fixture) : IClassFixture<WorkbenchTests.Fixture>
{
    /// <summary>
    /// A host of its own, so its worklist holds only these tests' applications; a policy day of 30 s so a fast lane
    /// (15 days) stays on track while a browser works through it.
    /// </summary>
    public sealed class Fixture : IAsyncLifetime
    {
        internal PermitHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => this.Host = await PermitHost.StartAsync(new PermitHostOptions { PolicyDay = TimeSpan.FromSeconds(30) });

        public async Task DisposeAsync() => await this.Host.DisposeAsync();
    }

    PermitHost Host => fixture.Host;

    /// <summary>A complete application of <paramref name="category"/> on the caseworker's desk: submitted, fee paid if due, handed off if single permit.</summary>
    async Task<string> AtCaseworkerAsync(string category, Action<JsonObject>? change = null)
    {
        string id = await this.Host.Api.SubmitAsync(Samples.Load(category, change));
        if (category != Samples.WorkCard)
        {
            await this.Host.Api.PayAsync(id);
        }

        await this.Host.Api.WaitForStageAsync(id, "awaiting-decision");
        return id;
    }

    static ILocator Region(IPage page, string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    static ILocator Form(IPage page, string heading) =>
        page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });

    [Fact]
    public async Task A_caseworker_claims_a_file_reads_its_one_view_asks_for_information_and_refuses_it_on_a_named_ground()
    {
        string id = await this.AtCaseworkerAsync(Samples.HighlySkilled, sample => DocumentReadTests.WithPassportImage(sample));
        await using BrowserSession browser = await BrowserSession.OpenAsync(this.Host);
        IPage page = await browser.GotoAsync("/workbench/");
        await BrowserSession.SignInAsync(page, BrowserSession.Token("caseworker", subject: "cw-ann", name: "Ann Peeters"));

        // The worklist: nothing of hers yet; the file waits unassigned, with its SLA state and days left.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Werklijst");
        await Assertions.Expect(page.GetByText("U behandelt nu geen dossiers.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Niet toegewezen", Exact = true }).ClickAsync();
        ILocator row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = id });
        await Assertions.Expect(row).ToContainTextAsync("hooggeschoolde werknemer");
        await Assertions.Expect(row).ToContainTextAsync("op schema");
        await Assertions.Expect(row).ToContainTextAsync("wacht op beslissing");
        await Assertions.Expect(row).ToContainTextAsync(DaysLeft());
        await BrowserSession.AssertAccessibleAsync(page, "worklist");
        await BrowserSession.ScreenshotAsync(page, "workbench-worklist");

        // She claims it: it leaves the unassigned list and is hers, on the page and in the API.
        await row.GetByRole(AriaRole.Button, new() { Name = "Opnemen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-success")).ToHaveTextAsync($"U behandelt nu dossier {id}.");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn dossiers" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Ann Peeters");
        JsonNode assignment = JsonNode.Parse(await this.Host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{id}/assignment"))!;
        Assert.Equal("cw-ann", assignment["assignee"]!["subject"]!.GetValue<string>());

        // The one-view: every rule of the category with its section and outcome, every source value with its provenance.
        await row.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Dossier {id}");
        JsonNode overview = JsonNode.Parse(await this.Host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{id}/overview"))!;
        JsonArray rules = overview["assessment"]!["rules"]!.AsArray();
        Assert.NotEmpty(rules);
        ILocator ruleRows = Region(page, "Regels van de categorie").Locator("tbody tr");
        await Assertions.Expect(ruleRows).ToHaveCountAsync(rules.Count);
        foreach (JsonNode? rule in rules)
        {
            ILocator ruleRow = ruleRows.Filter(new() { HasText = rule!["ruleId"]!.GetValue<string>() });
            await Assertions.Expect(ruleRow).ToContainTextAsync(rule["section"]!.GetValue<string>());
            await Assertions.Expect(ruleRow.Locator(".badge")).ToHaveTextAsync(Outcomes[rule["outcome"]!.GetValue<string>()]);
            await Assertions.Expect(ruleRow).ToContainTextAsync(rule["explanation"]!.GetValue<string>());
        }

        JsonArray records = overview["authenticSources"]!["records"]!.AsArray();
        ILocator sourceRows = Region(page, "Authentieke bronnen").Locator("tbody tr");
        await Assertions.Expect(sourceRows).ToHaveCountAsync(records.Count);
        ILocator legalName = sourceRows.Filter(new() { HasText = "legal-name" });
        await Assertions.Expect(legalName.Locator("td").Nth(0)).ToHaveTextAsync("KBO");
        await Assertions.Expect(legalName.Locator("td").Nth(3)).ToHaveTextAsync("Flanders Robotics NV");
        await Assertions.Expect(legalName.Locator("td").Nth(4)).ToHaveTextAsync(new Regex($@"\b{DateTime.UtcNow.Year}\b.*\d{{2}}:\d{{2}}"));

        // A document opens in the page: the passport scan is fetched with her credentials and shown as an image.
        ILocator documents = Region(page, "Documenten");
        await documents.GetByRole(AriaRole.Button, new() { Name = "Bekijken passport-scan.png" }).ClickAsync();
        ILocator image = documents.Locator("img.document-image");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "paspoort: passport-scan.png");
        await Assertions.Expect(image).ToHaveJSPropertyAsync("naturalWidth", 1);
        await Assertions.Expect(Region(page, "Federale procedure")).ToContainTextAsync("overgedragen");

        // She asks for information: accepted, and the clock is paused on the page with the pause listed.
        ILocator ask = Form(page, "Informatie vragen aan de aanvrager");
        await ask.GetByLabel("Vraag").FillAsync("Please send the signed annex to the employment contract.");
        await ask.GetByLabel("Termijn (dagen)").FillAsync("20");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Informatie vragen" }).ClickAsync();
        await Assertions.Expect(ask.Locator(".command-answer")).ToContainTextAsync("Aanvaard (202)");
        await Assertions.Expect(ask.Locator(".command-answer")).ToContainTextAsync("Lot van de opdracht: aanvaard");
        await Assertions.Expect(Region(page, "Samenvatting").Locator(".badge-sla-paused")).ToHaveTextAsync("gepauzeerd");
        await Assertions.Expect(Region(page, "SLA-klok").GetByRole(AriaRole.Row).Filter(new() { HasText = "informatie gevraagd" })).ToContainTextAsync("loopt nog");
        JsonNode paused = await this.Host.Api.GetAsync(id);
        Assert.Equal("paused", paused["sla"]!["state"]!.GetValue<string>());

        // One shaded stretch per pause: this one, and one while the fee was outstanding if the admissibility check ran
        // before the payment that followed the submission was handled.
        JsonArray pauses = paused["sla"]!["pauses"]!.AsArray();
        Assert.Equal(1, pauses.Count(p => p!["end"] is null));
        await Assertions.Expect(Region(page, "SLA-klok").Locator(".sla-pause")).ToHaveCountAsync(pauses.Count);
        string requestId = paused["openInformationRequestId"]!.GetValue<string>();
        Assert.StartsWith("INF-", requestId, StringComparison.Ordinal);
        await BrowserSession.AssertAccessibleAsync(page, "application");
        await BrowserSession.ScreenshotAsync(page, "workbench-application");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await BrowserSession.ScreenshotAsync(page, "workbench-application-view", fullPage: false); // the README's picture

        // The employer answers through the API; once the workflow took the answer, the page shows the clock running.
        using (HttpResponseMessage answered = await this.Host.Api.AsEmployerOf(id).PostJsonAsync(
            $"/api/applications/{id}/documents",
            new JsonObject { ["requestId"] = requestId, ["documents"] = new JsonArray(Samples.Document("information-response")) }))
        {
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        }

        await Eventually.HoldsAsync(async () => (await this.Host.Api.GetAsync(id))["openInformationRequestId"] is null, Scenario.StepTimeout, "the answer to close the request");
        await page.ReloadAsync();
        await Assertions.Expect(Region(page, "Samenvatting").Locator(".badge-sla-on-track")).ToHaveTextAsync("op schema");
        await Assertions.Expect(Region(page, "SLA-klok").GetByRole(AriaRole.Row).Filter(new() { HasText = "informatie gevraagd" })).Not.ToContainTextAsync("loopt nog");

        // She refuses on a named ground from the closed list, with its section beside it; the decision and its fate show.
        ILocator decide = Form(page, "Beslissen");
        await decide.GetByLabel("Weigeren", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(decide.Locator("label").Filter(new() { HasText = "category-conditions-not-met" })).ToContainTextAsync("(§2.2, §2.3, §2.7)");
        await decide.GetByLabel("category-conditions-not-met").CheckAsync();
        await decide.GetByLabel("Motivering").FillAsync("The annex shows a function below the level the category asks.");
        await decide.GetByRole(AriaRole.Button, new() { Name = "Beslissing nemen" }).ClickAsync();
        await Assertions.Expect(decide.Locator(".command-answer")).ToContainTextAsync("Aanvaard (202)");
        await Assertions.Expect(decide.Locator(".command-answer")).ToContainTextAsync("Lot van de opdracht: aanvaard");
        ILocator decision = Region(page, "Beslissing");
        await Assertions.Expect(decision.GetByRole(AriaRole.Row).Filter(new() { HasText = "Weigeren" })).ToContainTextAsync("category-conditions-not-met");
        await Assertions.Expect(decision.GetByRole(AriaRole.Row).Filter(new() { HasText = "Weigeren" })).ToContainTextAsync("aanvaard");
        await Assertions.Expect(Region(page, "Tijdlijn").GetByRole(AriaRole.Row).Filter(new() { HasText = "beslissing ontvangen" })).ToContainTextAsync("Ann Peeters");
        await BrowserSession.AssertAccessibleAsync(page, "decision");
        await BrowserSession.ScreenshotAsync(page, "workbench-decision");

        // A Flemish refusal closes the file (the federal leg is cancelled): the page shows the outcome and its ground.
        await this.Host.Api.WaitForStageAsync(id, "closed");
        await page.ReloadAsync();
        await Assertions.Expect(decision.Locator(".badge-outcome-refused")).ToHaveTextAsync("geweigerd");
        await Assertions.Expect(decision).ToContainTextAsync("category-conditions-not-met (§2.2, §2.3, §2.7)");
        await Assertions.Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Acties" })).ToContainTextAsync("Het dossier is afgesloten");

        // The letter downloads as the PDF the employer gets, its ground cited in Dutch with its section.
        IDownload download = await page.RunAndWaitForDownloadAsync(() =>
            decision.GetByRole(AriaRole.Button, new() { Name = "Beslissingsbrief downloaden (pdf)" }).ClickAsync());
        Assert.Equal($"{id}-decision.pdf", download.SuggestedFilename);
        string letter = Workflow.Tests.Shared.PdfText.Of(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.Contains("Beslissing: GEWEIGERD", letter, StringComparison.Ordinal);
        Assert.Contains("De voorwaarden van de categorie zijn niet vervuld. (§2.2, §2.3, §2.7, category-conditions-not-met)", letter, StringComparison.Ordinal);
        await Assertions.Expect(decision).ToContainTextAsync($"Gedownload: {id}-decision.pdf");
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Approving_against_a_document_found_false_shows_the_apis_refusals_then_succeeds_with_an_override_reason()
    {
        string id = await this.AtCaseworkerAsync(Samples.WorkCard);
        await using BrowserSession browser = await BrowserSession.OpenAsync(this.Host);
        IPage page = await browser.GotoAsync($"/workbench/#/applications/{id}");
        await BrowserSession.SignInAsync(page, BrowserSession.Token("caseworker", subject: "cw-bert", name: "Bert Claes"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Dossier {id}");

        // Doubt about the passport: its authentication is asked of the diplomatic post.
        ILocator ask = Form(page, "Derden bevragen");
        await ask.GetByLabel("Soort").SelectOptionAsync("document-authentication");
        await ask.GetByLabel("Instantie").SelectOptionAsync("diplomatic-post");
        await ask.GetByLabel("Document").SelectOptionAsync("passport");
        await ask.GetByLabel("Vraag").FillAsync("Was this passport issued by your authorities?");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Verzoek versturen" }).ClickAsync();
        await Assertions.Expect(ask.Locator(".command-answer")).ToContainTextAsync("Lot van de opdracht: aanvaard");
        ILocator actions = page.GetByRole(AriaRole.Complementary, new() { Name = "Acties" });
        await Assertions.Expect(actions.Locator(".admits")).ToContainTextAsync("Een verzoek aan derden staat open");

        // Deciding while it is open: the API says why not (409), next to the form.
        ILocator decide = Form(page, "Beslissen");
        await decide.GetByLabel("Goedkeuren", new() { Exact = true }).CheckAsync();
        await decide.GetByLabel("Motivering").FillAsync("The interpreter's contract and statement are in order.");
        await decide.GetByRole(AriaRole.Button, new() { Name = "Beslissing nemen" }).ClickAsync();
        ILocator refusal = decide.GetByRole(AriaRole.Alert);
        await Assertions.Expect(refusal).ToContainTextAsync("Dat kan nu niet");
        await Assertions.Expect(refusal).ToContainTextAsync("(document-authentication) is open until");

        // The diplomatic post answers that the passport is false; recorded on the page.
        ILocator answer = Form(page, "Antwoord van derden registreren");
        await answer.GetByLabel("Antwoord").SelectOptionAsync("false");
        await answer.GetByLabel("Notitie").FillAsync("The passport number was never issued.");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Antwoord registreren" }).ClickAsync();
        await Assertions.Expect(Region(page, "Derden").Locator(".badge-tpAnswer-false")).ToHaveTextAsync("vals");
        await Assertions.Expect(Region(page, "Derden")).ToContainTextAsync("(steunt grond false-documents)");
        ILocator overrideReason = decide.GetByLabel("Reden om af te wijken van het negatieve antwoord");
        await Assertions.Expect(overrideReason).ToBeVisibleAsync();

        // Approving without a reason to override: the API's 422, with its words.
        await decide.GetByRole(AriaRole.Button, new() { Name = "Beslissing nemen" }).ClickAsync();
        await Assertions.Expect(refusal).ToContainTextAsync("Dat past niet bij dit dossier");
        await Assertions.Expect(refusal).ToContainTextAsync("an approval against it needs an override reason (overrideReason)");

        // With the reason: accepted, under the id the form kept through both refusals.
        await overrideReason.FillAsync("The embassy confirmed by phone that the number was mistyped in its register.");
        await decide.GetByRole(AriaRole.Button, new() { Name = "Beslissing nemen" }).ClickAsync();
        await Assertions.Expect(decide.Locator(".command-answer")).ToContainTextAsync("Aanvaard (202)");
        await Assertions.Expect(decide.Locator(".command-answer")).ToContainTextAsync("Lot van de opdracht: aanvaard");
        await Assertions.Expect(Region(page, "Beslissing").GetByRole(AriaRole.Row).Filter(new() { HasText = "Goedkeuren" })).ToContainTextAsync("aanvaard");
        await BrowserSession.AssertAccessibleAsync(page, "override");

        JsonNode closed = await this.Host.Api.WaitForStageAsync(id, "closed");
        Assert.Contains(closed["timeline"]!.AsArray(), e => e!["event"]!.GetValue<string>() == "caseworker-decided" && e["details"]!["override"]?.GetValue<string>() == "true");
        JsonNode decisionCommand = Assert.Single((await this.Host.Api.CommandsAsync(id)).AsArray(), c => c!["command"]!["kind"]!.GetValue<string>() == "decision")!;
        Assert.Equal("accepted", decisionCommand["command"]!["fate"]!.GetValue<string>());
        Assert.Equal("cw-bert", decisionCommand["actorSubject"]!.GetValue<string>());

        // The refusals were the API's answers, not errors of the page.
        Assert.True(browser.Problems.Count == 2, string.Join(Environment.NewLine, browser.Problems));
        Assert.Contains(browser.Problems, p => p.Contains($"/api/applications/{id}/decision", StringComparison.Ordinal) && p.Contains("409", StringComparison.Ordinal));
        Assert.Contains(browser.Problems, p => p.Contains($"/api/applications/{id}/decision", StringComparison.Ordinal) && p.Contains("422", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_manager_reassigns_a_file_and_consents_to_an_information_request_beyond_the_caseworkers_limit()
    {
        string id = await this.AtCaseworkerAsync(Samples.WorkCard);
        string other = await this.AtCaseworkerAsync(Samples.WorkCard);
        ApiClient carl = this.Host.Api.AsPerson(Roles.Caseworker, "cw-carl", "Carl Peeters");
        ApiClient dirk = this.Host.Api.AsPerson(Roles.Caseworker, "cw-dirk", "Dirk Janssens");
        using (HttpResponseMessage claimed = await carl.PostJsonAsync($"/api/applications/{id}/assignment/claim", new JsonObject()))
        using (HttpResponseMessage claimedOther = await dirk.PostJsonAsync($"/api/applications/{other}/assignment/claim", new JsonObject()))
        {
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
            Assert.Equal(HttpStatusCode.OK, claimedOther.StatusCode);
        }

        // Carl asks twice, the employer answers each time; his third question waits for a manager's consent.
        for (int round = 1; round <= 2; round++)
        {
            using HttpResponseMessage asked = await carl.PostJsonAsync($"/api/applications/{id}/information-requests",
                new JsonObject { ["requestId"] = $"INF-{round}", ["question"] = $"Question {round}?", ["deadlineDays"] = 20 });
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            await Eventually.HoldsAsync(async () => (await this.Host.Api.GetAsync(id))["openInformationRequestId"]?.GetValue<string>() == $"INF-{round}", Scenario.StepTimeout, $"INF-{round} to be open");
            using HttpResponseMessage answered = await this.Host.Api.AsEmployerOf(id).PostJsonAsync($"/api/applications/{id}/documents",
                new JsonObject { ["requestId"] = $"INF-{round}", ["documents"] = new JsonArray(Samples.Document("information-response")) });
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
            await Eventually.HoldsAsync(async () => (await this.Host.Api.GetAsync(id))["openInformationRequestId"] is null, Scenario.StepTimeout, $"INF-{round} to be answered");
        }

        using (HttpResponseMessage third = await carl.PostJsonAsync($"/api/applications/{id}/information-requests",
            new JsonObject { ["requestId"] = "INF-3", ["question"] = "And the payslips of last month?", ["deadlineDays"] = 20 }))
        {
            Assert.Equal("awaiting-consent", JsonNode.Parse(await third.Content.ReadAsStringAsync())!["fate"]!.GetValue<string>());
        }

        await using BrowserSession browser = await BrowserSession.OpenAsync(this.Host);
        IPage page = await browser.GotoAsync($"/workbench/#/applications/{id}");
        await BrowserSession.SignInAsync(page, BrowserSession.Token("manager", subject: "mgr-mia", name: "Mia Maes"));
        await Assertions.Expect(Region(page, "Samenvatting")).ToContainTextAsync("Carl Peeters");
        ILocator actions = page.GetByRole(AriaRole.Complementary, new() { Name = "Acties" });
        await Assertions.Expect(actions).ToContainTextAsync("Informatievragen, verzoeken aan derden en beslissingen zijn voor dossierbehandelaars.");
        await Assertions.Expect(actions.Locator(".admits")).ToContainTextAsync("Informatievraag INF-3 wacht op toestemming van een leidinggevende.");

        // Carl is away: the manager gives the file to Dirk, choosing him from the caseworkers with their load.
        ILocator assign = Form(page, "Toewijzen");
        await assign.GetByLabel("Dossierbehandelaar").SelectOptionAsync(new SelectOptionValue { Label = "Dirk Janssens (1 open)" });
        await assign.GetByLabel("Reden").FillAsync("Carl is on leave this week.");
        await assign.GetByRole(AriaRole.Button, new() { Name = "Toewijzen" }).ClickAsync();
        await Assertions.Expect(assign.Locator(".command-answer")).ToContainTextAsync("Gedaan (200).");
        await Assertions.Expect(Region(page, "Samenvatting")).ToContainTextAsync("Dirk Janssens");
        JsonNode assignment = JsonNode.Parse(await this.Host.Api.As(Roles.Manager).Http.GetStringAsync($"/api/applications/{id}/assignment"))!;
        Assert.Equal("cw-dirk", assignment["assignee"]!["subject"]!.GetValue<string>());

        // The consent: granted, the third question goes out and the clock pauses.
        ILocator consent = Form(page, "Toestemming voor een informatievraag");
        await Assertions.Expect(consent).ToContainTextAsync("Informatievraag INF-3 van Carl Peeters");
        await consent.GetByLabel("Toestaan: de vraag wordt verstuurd").CheckAsync();
        await consent.GetByRole(AriaRole.Button, new() { Name = "Beslissen over de toestemming" }).ClickAsync();
        await Assertions.Expect(Region(page, "Samenvatting")).ToContainTextAsync("INF-3");
        await Assertions.Expect(Region(page, "Samenvatting").Locator(".badge-sla-paused")).ToHaveTextAsync("gepauzeerd");
        await Assertions.Expect(consent).ToHaveCountAsync(0);
        await BrowserSession.AssertAccessibleAsync(page, "manager");

        // The same page in English, through the header's switch.
        await page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Application {id}");
        await Assertions.Expect(Region(page, "Summary").Locator(".badge-sla-paused")).ToHaveTextAsync("paused");
        await Assertions.Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Actions" })).ToContainTextAsync("Information requests, third-party requests and decisions are for caseworkers.");
        browser.AssertNoProblems();
    }

    /// <summary>The rule outcomes as the page words them in Dutch.</summary>
    static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        ["met"] = "voldaan",
        ["not-met"] = "niet voldaan",
        ["needs-judgement"] = "oordeel nodig",
        ["not-applicable"] = "niet van toepassing",
        ["list-incomplete"] = "lijst onvolledig: nakijken",
    };

    /// <summary>The days left as the page words them: "nog 14,9 d." and the like.</summary>
    static Regex DaysLeft() => DaysLeftPattern();

    [GeneratedRegex(@"nog \d+(,\d)? d\.")]
    private static partial Regex DaysLeftPattern();
}
