using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.FunctionalTests.Api;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Tests.Shared;

namespace Workflow.FunctionalTests.Browser;

/// <summary>
/// The employer portal in a real browser on the real host: an employer submits a highly skilled application through
/// the form with one required document left out, finds it in "my applications", uploads the missing document, pays at
/// the simulated provider's checkout page, sees the payment confirmed, and reads the letter once the caseworker and the
/// federal office decided (through the API). Also: a wrong INSZ check digit stops the form before anything is sent, a
/// draft survives a reload, another employer's application is not found. The host is the class's own, at 30 s per
/// policy day, so the 15-day deadline to complete the file outlasts the browser's steps on a slow machine.
/// </summary>
public sealed class PortalTests(PortalTests.Fixture fixture) : IClassFixture<PortalTests.Fixture>
{
    static readonly LocatorAssertionsToBeVisibleOptions Slowly = new() { Timeout = 120_000 };

    public sealed class Fixture : IAsyncLifetime
    {
        internal PermitHost Host { get; private set; } = null!;

        public string Documents { get; } = Path.Combine(Path.GetTempPath(), "portal-tests-" + Guid.NewGuid().ToString("N")[..8]);

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(this.Documents);
            foreach (string name in new[] { "passport.pdf", "employment-contract.pdf", "worker-information-statement.pdf", "master-diploma.pdf" })
            {
                await System.IO.File.WriteAllTextAsync(Path.Combine(this.Documents, name), $"%PDF-1.4\n% {name} for the portal test\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", Encoding.ASCII);
            }

            this.Host = await PermitHost.StartAsync(new PermitHostOptions { PolicyDay = TimeSpan.FromSeconds(30) });
        }

        public async Task DisposeAsync()
        {
            await this.Host.DisposeAsync();
            Directory.Delete(this.Documents, recursive: true);
        }

        public string File(string name) => Path.Combine(this.Documents, name);
    }

    [Fact]
    public async Task An_employer_submits_through_the_form_uploads_the_missing_document_pays_at_the_checkout_and_reads_the_letter()
    {
        PermitHost host = fixture.Host;
        string employer = OwnApplicationsTests.FreshEnterpriseNumber();
        await using BrowserSession browser = await BrowserSession.OpenAsync(host);
        IPage page = await browser.GotoAsync("/portal/");
        await BrowserSession.SignInAsync(page, BrowserSession.Token("employer", employer, name: "Hilde Janssens"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn aanvragen", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("U hebt nog geen aanvragen ingediend.")).ToBeVisibleAsync();

        // The form, every field filled; the diploma left out.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Nieuwe aanvraag" }).ClickAsync();
        await page.GetByLabel("Categorie").SelectOptionAsync("highly-skilled");
        await Assertions.Expect(page.GetByLabel("Ondernemingsnummer (KBO)").First).ToHaveValueAsync(employer);
        await page.GetByLabel("Naam van de onderneming").FillAsync("Flanders Robotics NV");
        await page.GetByLabel("E-mailadres van de contactpersoon").FillAsync("hr@flanders-robotics.example");
        await page.GetByLabel("Voornaam").FillAsync("Ananya");
        await page.GetByLabel("Familienaam").FillAsync("Raman");
        await page.GetByLabel("met een paspoort", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Paspoortnummer").FillAsync("Z1234567");
        await page.GetByLabel("Nationaliteit").FillAsync("IND");
        await page.GetByLabel("Geboortedatum").FillAsync("1994-06-12");
        await page.GetByLabel("E-mailadres van de werknemer").FillAsync("ananya.raman@example.com");
        await page.GetByLabel("Kwalificatieniveau van de werknemer (VKS)").SelectOptionAsync("7");
        await page.GetByLabel("Functietitel").FillAsync("Robotics software engineer");
        await page.GetByLabel("Niveau van de functie (VKS)").SelectOptionAsync("7");
        await page.GetByLabel("Bruto jaarloon (EUR)").FillAsync("56000");
        DateOnly start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90);
        await page.GetByLabel("Begindatum").FillAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Einddatum").FillAsync(start.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Paspoort", new() { Exact = true }).SetInputFilesAsync(fixture.File("passport.pdf"));
        await page.GetByLabel("Arbeidsovereenkomst").SetInputFilesAsync(fixture.File("employment-contract.pdf"));
        await page.GetByLabel("Informatieverklaring voor de werknemer").SetInputFilesAsync(fixture.File("worker-information-statement.pdf"));
        await Assertions.Expect(page.GetByText("Concept bewaard", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page, "the submission form");
        await BrowserSession.ScreenshotAsync(page, "portal-submit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag indienen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanvraag: hooggeschoolde werknemer" })).ToBeVisibleAsync(Slowly);
        ILocator submitted = page.Locator(".notices");
        await Assertions.Expect(submitted).ToContainTextAsync("Uw aanvraag is ingediend.");
        await Assertions.Expect(submitted).ToContainTextAsync("200,00");
        await Assertions.Expect(submitted).ToContainTextAsync(new Regex(@"\+\+\+\d{3}/\d{4}/\d{5}\+\+\+"));
        string applicationId = Regex.Match(page.Url, "#/applications/(wp-[a-z2-7]+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(applicationId), page.Url);

        // "My applications": it is there, newest first; open it again from there.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Mijn aanvragen" }).ClickAsync();
        ILocator row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "hooggeschoolde werknemer" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("de retributie");
        await BrowserSession.AssertAccessibleAsync(page, "my applications");
        await BrowserSession.ScreenshotAsync(page, "portal-applications");
        await row.GetByRole(AriaRole.Link, new() { Name = "hooggeschoolde werknemer" }).ClickAsync();

        // The missing diploma and the fee, each with its deadline.
        ILocator awaited = page.Locator("ul.awaited");
        await Assertions.Expect(awaited.GetByText(new Regex("^Diploma, uiterlijk"))).ToBeVisibleAsync(Slowly);
        await Assertions.Expect(awaited.GetByText(new Regex("^de retributie, uiterlijk"))).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page, "the application's page");
        await BrowserSession.ScreenshotAsync(page, "portal-application");

        // The missing document, uploaded.
        ILocator upload = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Stukken opladen" }) });
        await upload.GetByLabel("Diploma").SetInputFilesAsync(fixture.File("master-diploma.pdf"));
        await upload.GetByRole(AriaRole.Button, new() { Name = "Stukken opladen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notices")).ToContainTextAsync("Uw stukken: ontvangen.");
        await Assertions.Expect(page.Locator(".notices")).ToContainTextAsync("aanvaard", new() { Timeout = 60_000 });
        await Assertions.Expect(awaited.GetByText(new Regex("^Diploma"))).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(awaited.GetByText(new Regex("^de retributie"))).ToBeVisibleAsync();

        // The fee, paid at the provider's checkout page; back in the portal, the provider's confirmation.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Betalen \(€\s200,00\)$") }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/simulated-psp/checkout/psp_[0-9a-f]+$"));
        await Assertions.Expect(page.GetByText("SIMULATIE", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".psp-amount")).ToHaveTextAsync("200.00 EUR");
        await BrowserSession.AssertAccessibleAsync(page, "the simulated checkout");
        await BrowserSession.ScreenshotAsync(page, "portal-checkout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Betalen / Pay" }).ClickAsync();
        await Assertions.Expect(page.Locator(".psp-outcome")).ToContainTextAsync("Betaald");
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het portaal / Back to the portal" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Betaling bevestigd", new() { Exact = false })).ToBeVisibleAsync(Slowly);
        await Assertions.Expect(page.Locator("dl.facts").GetByText("betaald", new() { Exact = true })).ToBeVisibleAsync();

        // The caseworker approves and the federal office approves, through the API.
        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision", TimeSpan.FromMinutes(3));
        await host.Api.DecideAsync(applicationId, "approve");
        JsonElement handoff = await host.FederalOffice.WaitForAsync(applicationId, "handoff", Scenario.StepTimeout);
        await host.Api.WaitForStageAsync(applicationId, "awaiting-federal-decision");
        using (HttpResponseMessage federal = await host.Api.FederalAsync(applicationId, handoff.GetProperty("handoffId").GetString()!, "decision", "approved"))
        {
            Assert.True(federal.IsSuccessStatusCode, await federal.Content.ReadAsStringAsync());
        }

        await host.Api.WaitForStageAsync(applicationId, "closed");

        // The letter, from the page: a PDF in Dutch with its English translation.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".badge-outcome-granted")).ToHaveTextAsync("toegekend", new() { Timeout = 60_000 });
        string letter = await DownloadLetterAsync(page, applicationId);
        Assert.Contains("Beslissing: TOEGEKEND", letter, StringComparison.Ordinal);
        Assert.Contains("Decision: GRANTED", letter, StringComparison.Ordinal);
        Assert.Contains(applicationId, letter, StringComparison.Ordinal);
        await BrowserSession.AssertAccessibleAsync(page, "the decision and its letter");
        await BrowserSession.ScreenshotAsync(page, "portal-letter");
        await Scenario.AssertBoundedHistoryAsync(host, applicationId);
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task A_wrong_INSZ_check_digit_is_shown_at_its_field_in_Dutch_and_nothing_is_sent()
    {
        await using BrowserSession browser = await BrowserSession.OpenAsync(fixture.Host);
        IPage page = await browser.GotoAsync("/portal/#/new");
        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                lock (posts)
                {
                    posts.Add(request.Url);
                }
            }
        };
        await BrowserSession.SignInAsync(page, BrowserSession.Token("employer", OwnApplicationsTests.FreshEnterpriseNumber()));
        await page.GetByLabel("Categorie").SelectOptionAsync("other");
        await page.GetByLabel("Naam van de onderneming").FillAsync("Metaal Vlaanderen NV");
        await page.GetByLabel("E-mailadres van de contactpersoon").FillAsync("jobs@metaal-vlaanderen.example");
        await page.GetByLabel("Voornaam").FillAsync("Carlos");
        await page.GetByLabel("Familienaam").FillAsync("Mendoza Ruiz");
        await page.GetByLabel("met een INSZ-nummer").CheckAsync();
        await page.GetByLabel("INSZ-nummer (rijksregisternummer)").FillAsync("90031512378"); // the other sample's, last digit off by one
        await page.GetByLabel("Functietitel").FillAsync("TIG welder");
        await page.GetByLabel("Niveau van de functie (VKS)").SelectOptionAsync("3");
        await page.GetByLabel("Bruto jaarloon (EUR)").FillAsync("36000");
        await page.GetByLabel("Begindatum").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag indienen" }).ClickAsync();

        ILocator insz = page.GetByLabel("INSZ-nummer (rijksregisternummer)");
        await Assertions.Expect(page.Locator("#f-worker-insz-error")).ToHaveTextAsync("Dit is geen geldig INSZ-nummer: de controlecijfers kloppen niet.");
        await Assertions.Expect(insz).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(insz).ToHaveAttributeAsync("aria-describedby", new Regex(@"\bf-worker-insz-error\b"));
        await Assertions.Expect(insz).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Het formulier bevat 1 fout(en)" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page, "the form with a field error");

        // Nothing reached the API: the form stopped before sending.
        Assert.DoesNotContain(posts, url => url.Contains("/api/", StringComparison.Ordinal));
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task A_draft_is_saved_as_the_person_types_survives_a_reload_and_can_be_deleted()
    {
        string employer = OwnApplicationsTests.FreshEnterpriseNumber();
        await using BrowserSession browser = await BrowserSession.OpenAsync(fixture.Host);
        IPage page = await browser.GotoAsync("/portal/#/new");
        await BrowserSession.SignInAsync(page, BrowserSession.Token("employer", employer));
        await Assertions.Expect(page.GetByText("Concepten blijven alleen op deze computer", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByLabel("Categorie").SelectOptionAsync("work-card");
        await page.GetByLabel("Naam van de onderneming").FillAsync("Antwerp Congress Services BV");
        await page.GetByLabel("Voornaam").FillAsync("Lina");
        await page.GetByLabel("met een INSZ-nummer").CheckAsync();
        await page.GetByLabel("INSZ-nummer (rijksregisternummer)").FillAsync("01070404531");
        await Assertions.Expect(page.GetByText("Concept bewaard", new() { Exact = false })).ToBeVisibleAsync();
        await page.WaitForURLAsync(new Regex("#/new/DRAFT-[0-9A-F]+$"));

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByText("teruggezet", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Categorie")).ToHaveValueAsync("work-card");
        await Assertions.Expect(page.GetByLabel("Naam van de onderneming")).ToHaveValueAsync("Antwerp Congress Services BV");
        await Assertions.Expect(page.GetByLabel("Voornaam")).ToHaveValueAsync("Lina");
        await Assertions.Expect(page.GetByLabel("INSZ-nummer (rijksregisternummer)")).ToHaveValueAsync("01070404531");
        await Assertions.Expect(page.GetByLabel("met een INSZ-nummer")).ToBeCheckedAsync();
        ILocator drafts = page.Locator("ul.drafts li");
        await Assertions.Expect(drafts).ToHaveCountAsync(1);
        await Assertions.Expect(drafts).ToContainTextAsync("arbeidskaart tot 90 dagen");
        await BrowserSession.AssertAccessibleAsync(page, "a restored draft");

        // The draft holds no document and nothing but the form's fields; deleting it empties the list.
        string stored = await page.EvaluateAsync<string>($"localStorage.getItem('permit-portal-drafts:{employer}')");
        Assert.Contains("Antwerp Congress Services BV", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("contentBase64", stored, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept verwijderen (arbeidskaart tot 90 dagen)" }).ClickAsync();
        await Assertions.Expect(drafts).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Voornaam")).ToHaveValueAsync("");
        Assert.Equal("[]", await page.EvaluateAsync<string>($"localStorage.getItem('permit-portal-drafts:{employer}')"));
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task An_employer_withdraws_on_the_page_sees_the_commands_fate_and_the_letter()
    {
        PermitHost host = fixture.Host;
        string employer = OwnApplicationsTests.FreshEnterpriseNumber();
        string id = await host.Api.As(AccessMatrix.Employer, employer).SubmitAsync(Samples.Load(Samples.WorkCard, a => a["employer"]!["kbo"] = employer));
        await using BrowserSession browser = await BrowserSession.OpenAsync(host);
        IPage page = await browser.GotoAsync($"/portal/#/applications/{id}");
        await BrowserSession.SignInAsync(page, BrowserSession.Token("employer", employer));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanvraag: arbeidskaart tot 90 dagen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Voor deze aanvraag is geen retributie verschuldigd.").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Betalen") })).ToHaveCountAsync(0);

        // Without the confirmation the form says so at the field; nothing is sent.
        await page.GetByText("Aanvraag intrekken", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Reden (voor de dossierbehandelaar)").FillAsync("The worker took another job.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nu intrekken" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-withdraw-confirm-error")).ToHaveTextAsync("Vink aan dat u de aanvraag wilt intrekken.");
        await Assertions.Expect(page.GetByLabel("Ik wil deze aanvraag intrekken.")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Ik wil deze aanvraag intrekken.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nu intrekken" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notices")).ToContainTextAsync("Uw intrekking: ontvangen.");
        await Assertions.Expect(page.Locator(".notices")).ToContainTextAsync("aanvaard", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".badge-outcome-withdrawn")).ToBeVisibleAsync(Slowly);
        Assert.Contains("Decision: WITHDRAWN", await DownloadLetterAsync(page, id), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nu intrekken" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("Intrekking ontvangen");
        await BrowserSession.AssertAccessibleAsync(page, "a withdrawn application");
        await Scenario.AssertBoundedHistoryAsync(host, id);
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Another_employers_application_is_not_found_in_Dutch_and_in_English()
    {
        PermitHost host = fixture.Host;
        string owner = OwnApplicationsTests.FreshEnterpriseNumber();
        string id = await host.Api.As(AccessMatrix.Employer, owner).SubmitAsync(Samples.Load(Samples.WorkCard, a => a["employer"]!["kbo"] = owner));
        try
        {
            await using BrowserSession browser = await BrowserSession.OpenAsync(host);
            IPage page = await browser.GotoAsync($"/portal/#/applications/{id}");
            await BrowserSession.SignInAsync(page, BrowserSession.Token("employer", OwnApplicationsTests.FreshEnterpriseNumber()));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanvraag niet gevonden", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Er is geen aanvraag met dit nummer bij uw aanvragen.");
            await BrowserSession.AssertAccessibleAsync(page, "another employer's application");

            await page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Application not found", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Portal" }).GetByRole(AriaRole.Link, new() { Name = "My applications" })).ToBeVisibleAsync();

            // The only complaints are the browser's own notes of the API's 404s for this id.
            Assert.True(
                browser.Problems.All(p => p.Contains("404", StringComparison.Ordinal)) && browser.Problems.Count > 0,
                string.Join(Environment.NewLine, browser.Problems));
        }
        finally
        {
            await Scenario.EndAsync(host, id);
        }
    }

    /// <summary>Downloads the decision letter with the page's button: a PDF under the API's name, its text read back.</summary>
    static async Task<string> DownloadLetterAsync(IPage page, string applicationId)
    {
        ILocator button = page.GetByRole(AriaRole.Button, new() { Name = "Brief downloaden (pdf)" });
        await Assertions.Expect(button).ToBeVisibleAsync(Slowly);
        IDownload download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        Assert.Equal($"{applicationId}-decision.pdf", download.SuggestedFilename);
        await Assertions.Expect(page.Locator(".letter-box")).ToContainTextAsync($"Gedownload: {applicationId}-decision.pdf");
        return PdfText.Of(await File.ReadAllBytesAsync((await download.PathAsync())!));
    }
}
