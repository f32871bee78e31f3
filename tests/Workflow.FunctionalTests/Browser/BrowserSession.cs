using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.LocalHost;

namespace Workflow.FunctionalTests.Browser;

/// <summary>
/// A real headless browser on a host's pages: Debian's chromium (CHROMIUM_PATH, default /usr/bin/chromium), driven by
/// Playwright without its own browser download. Each page opened here records console errors and failed requests (a
/// test asserts there are none), can be checked with axe, and saves screenshots under the test output folder
/// (<c>screenshots/</c>), kept as CI artefacts.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    static readonly SemaphoreSlim OneBrowser = new(1, 1);
    static IPlaywright? playwright;
    static IBrowser? browser;

    readonly List<string> problems = [];

    BrowserSession(IBrowserContext context, Uri baseAddress)
    {
        this.Context = context;
        this.BaseAddress = baseAddress;
    }

    public IBrowserContext Context { get; }

    public Uri BaseAddress { get; }

    /// <summary>Console errors, uncaught exceptions and failed requests seen so far, in order.</summary>
    public IReadOnlyList<string> Problems => this.problems;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>A new browser context (its own storage) on <paramref name="host"/>, in the given language.</summary>
    public static async Task<BrowserSession> OpenAsync(PermitHost host, string language = "nl")
    {
        IBrowser shared = await BrowserAsync();
        Uri baseAddress = host.Api.Http.BaseAddress!;
        IBrowserContext context = await shared.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = language == "nl" ? "nl-BE" : "en-GB",
            TimezoneId = "Europe/Brussels",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var session = new BrowserSession(context, baseAddress);
        await context.AddInitScriptAsync($"try {{ if (!localStorage.getItem('permit-language')) localStorage.setItem('permit-language', '{language}'); }} catch {{ }}");
        context.Page += (_, page) => session.Watch(page);
        return session;
    }

    /// <summary>A page at <paramref name="path"/>, loaded.</summary>
    public async Task<IPage> GotoAsync(string path)
    {
        IPage page = await this.Context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>A development token for a person, as <c>scripts/dev-token.sh</c> makes them.</summary>
    public static string Token(string role, string? applicant = null, string? subject = null, string? name = null) =>
        LocalTokens.Issue(PermitHostOptions.SigningKey, role, applicant, subject ?? $"browser-{role}", TimeSpan.FromHours(2), DateTimeOffset.UtcNow, name: name);

    /// <summary>Signs in on the page's sign-in form with a development token.</summary>
    public static async Task SignInAsync(IPage page, string token)
    {
        await page.GetByLabel("Token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ClickAsync();
    }

    /// <summary>Fails on any serious or critical accessibility violation axe finds on the page as it stands.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        AxeResult result = await page.RunAxe();
        string[] serious = [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}")];
        Assert.True(serious.Length == 0, $"{what}: accessibility violations:{Environment.NewLine}{string.Join(Environment.NewLine, serious)}");
    }

    /// <summary>Saves a screenshot (the full page, or the viewport) as screenshots/{name}.png in the test output.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        string path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    /// <summary>Fails when the pages logged a console error, threw, or a request failed.</summary>
    public void AssertNoProblems() =>
        Assert.True(this.problems.Count == 0, $"the pages reported:{Environment.NewLine}{string.Join(Environment.NewLine, this.problems)}");

    public async ValueTask DisposeAsync() => await this.Context.DisposeAsync();

    void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (this.problems)
                {
                    this.problems.Add($"console error on {page.Url}: {message.Text} (at {message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (this.problems)
            {
                this.problems.Add($"uncaught on {page.Url}: {error}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            lock (this.problems)
            {
                this.problems.Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
            }
        };
    }

    static async Task<IBrowser> BrowserAsync()
    {
        await OneBrowser.WaitAsync();
        try
        {
            if (browser is { IsConnected: true })
            {
                return browser;
            }

            string executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            Assert.True(File.Exists(executable), $"No Chromium at {executable}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH. Playwright's own download is not used.");
            playwright ??= await Playwright.CreateAsync();

            // A command's fate on a page needs the API and a workflow turn on one Azurite that the parallel suite keeps
            // busy: Playwright's 5 s default is met on an idle machine, not always under CI load. Still a wait for a condition.
            Assertions.SetDefaultExpectTimeout(30_000);
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
            return browser;
        }
        finally
        {
            OneBrowser.Release();
        }
    }
}
