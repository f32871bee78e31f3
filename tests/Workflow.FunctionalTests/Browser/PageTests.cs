using System.Net;
using Microsoft.Playwright;
using Workflow.Application.Web;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Browser;

/// <summary>
/// The pages' common ground in a real browser: the landing page in both languages, signing in with a development
/// token, a page refusing a person without its role, the security headers, no console errors, no serious accessibility
/// violations.
/// </summary>
public sealed class PageTests
{
    [Fact]
    public async Task The_landing_page_speaks_Dutch_first_switches_to_English_and_leads_to_both_pages()
    {
        PermitHost host = await SharedHost.GetAsync();
        await using BrowserSession browser = await BrowserSession.OpenAsync(host);
        IPage page = await browser.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Economische migratie");
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Werkbank voor dossierbehandelaars" })).ToHaveAttributeAsync("href", "/workbench/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Portaal voor werkgevers" })).ToHaveAttributeAsync("href", "/portal/");
        await BrowserSession.AssertAccessibleAsync(page, "landing page (nl)");
        await BrowserSession.ScreenshotAsync(page, "landing-nl");

        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Economic migration");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Employer portal" })).ToBeVisibleAsync();
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task A_page_asks_for_a_token_signs_the_person_in_and_refuses_a_person_without_its_role()
    {
        PermitHost host = await SharedHost.GetAsync();
        await using BrowserSession browser = await BrowserSession.OpenAsync(host);
        IPage page = await browser.GotoAsync("/workbench/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page, "sign-in form");
        await page.GetByLabel("Token").FillAsync("not-a-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dit token wordt niet aanvaard");

        // An employer on the caseworkers' page: told it is not for that role, nothing else.
        await BrowserSession.SignInAsync(page, BrowserSession.Token("employer", "0412345614"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await BrowserSession.SignInAsync(page, BrowserSession.Token("caseworker", name: "Ann Peeters"));
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync("Ann Peeters");
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync("dossierbehandelaar");
        Assert.True(!browser.Problems.Any(p => !p.Contains("/api/me", StringComparison.Ordinal)), string.Join("\n", browser.Problems)); // the refused token's 401s are expected
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/workbench/")]
    [InlineData("/portal/")]
    [InlineData("/ui/app.js")]
    [InlineData("/ui/style.css")]
    public async Task Every_page_answer_carries_a_strict_content_security_policy_and_an_etag(string path)
    {
        PermitHost host = await SharedHost.GetAsync();
        using HttpResponseMessage response = await host.Api.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pages.ContentSecurityPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.NotNull(response.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using HttpResponseMessage cached = await host.Api.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
    }

    [Fact]
    public async Task A_section_without_its_slash_redirects_and_an_unknown_file_is_a_404()
    {
        PermitHost host = await SharedHost.GetAsync();
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Api.Http.BaseAddress };

        using HttpResponseMessage bare = await noRedirect.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/workbench/", bare.Headers.Location?.ToString());

        using HttpResponseMessage missing = await noRedirect.GetAsync("/workbench/nothing-here.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        using HttpResponseMessage config = await noRedirect.GetAsync("/ui/config.json");
        Assert.Equal("""{"signIn":"token"}""", await config.Content.ReadAsStringAsync());
    }
}
