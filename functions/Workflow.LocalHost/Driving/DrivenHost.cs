using System.Globalization;
using System.Net.Http.Headers;
using Workflow.LocalHost.Simulation;

namespace Workflow.LocalHost.Driving;

/// <summary>
/// The local host started in process for a command that drives it through its HTTP API (simulate, bench): the real
/// engine on the run's storage, in a task hub, storage name prefix and worker id of its own (<see cref="SimulationHost"/>),
/// so a running local host on the same Azurite is not disturbed; Kestrel on a free loopback port; logs at errors only,
/// so a progress bar stays readable; rate limits no run reaches. Stopped, its state left to inspect, when disposed.
/// </summary>
public sealed class DrivenHost : IAsyncDisposable
{
    /// <summary>Every simulated party (the payment provider's checkout, the federal office, the sources, the e-Box, the exclusions seed): a driven run has no real ones.</summary>
    public const string AllSimulatedParties = "authentic-sources,federal-office,payment-provider,exclusions-seed,ebox";

    readonly List<HttpClient> clients = [];
    readonly string signingKey;

    DrivenHost(WebApplication app, Uri root)
    {
        this.App = app;
        this.Root = root;
        this.signingKey = app.Configuration[LocalTokens.SigningKeySetting]!;
    }

    public WebApplication App { get; }

    /// <summary>The API's root address (a free loopback port).</summary>
    public Uri Root { get; }

    /// <summary>
    /// Builds and starts the host with <see cref="Arguments"/>; <paramref name="configure"/> adds to its composition
    /// before the engine is wired (the bench registers its own orchestration and an engine decorator this way).
    /// </summary>
    public static async Task<DrivenHost> StartAsync(
        SimulationHost host, TimeSpan policyDay, string simulatedParties, IEnumerable<string> extraArguments, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        WebApplication app = PermitLocalHost.Build(HostArguments(host, policyDay, simulatedParties, extraArguments), configure);
        try
        {
            await PermitLocalHost.StartAsync(app, cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new DrivenHost(app, PermitLocalHost.ApiRoot(app));
    }

    /// <summary>Every setting the host starts with, later ones winning: <see cref="Arguments"/>, the command's own (<paramref name="extraArguments"/>), then the run's <c>--Section:Key=value</c>.</summary>
    public static string[] HostArguments(SimulationHost host, TimeSpan policyDay, string simulatedParties, IEnumerable<string> extraArguments)
    {
        ArgumentNullException.ThrowIfNull(host);
        return [.. Arguments(host, policyDay, simulatedParties), .. extraArguments, .. host.Settings];
    }

    /// <summary>The host's settings for a driven run: its own names, its policy day, the simulated parties it opts in to, quiet logs, no rate limits in the way.</summary>
    public static IEnumerable<string> Arguments(SimulationHost host, TimeSpan policyDay, string simulatedParties)
    {
        ArgumentNullException.ThrowIfNull(host);
        return
        [
            "--Http:Port=0",
            $"--Storage:ConnectionString={host.Storage}",
            $"--Storage:NamePrefix={host.Name}",
            $"--Engine:TaskHub={host.Name}",
            $"--Engine:WorkerId={host.Name}",
            string.Create(CultureInfo.InvariantCulture, $"--Workflow:PolicyDayLength={policyDay:c}"),
            $"--Simulations:Enabled={simulatedParties}",
            // Errors only, so the progress bar stays readable (appsettings.json names these categories at Warning).
            "--Logging:LogLevel:Default=Error",
            "--Logging:LogLevel:DurableTask=Error",
            "--Logging:LogLevel:DurableTask.AzureStorage=Error",
            "--Logging:LogLevel:DurableTask.Core=Error",
            "--Logging:LogLevel:Microsoft.DurableTask=Error",
            "--Logging:LogLevel:Microsoft.AspNetCore=Error",
            "--Logging:LogLevel:Azure=Error",
            "--Logging:LogLevel:Workflow.Adapters.Parties=Error",
            "--RateLimits:Requests:TokenLimit=1000000",
            "--RateLimits:Requests:TokensPerPeriod=1000000",
            "--RateLimits:Submissions:TokenLimit=1000000",
            "--RateLimits:Submissions:TokensPerPeriod=1000000",
        ];
    }

    /// <summary>A token signed with the host's key, valid for <paramref name="lifetime"/> from now.</summary>
    public string Token(string role, string? applicant, string subject, string name, TimeSpan lifetime) =>
        LocalTokens.Issue(this.signingKey, role, applicant, subject, lifetime, DateTimeOffset.UtcNow, name: name);

    /// <summary>An HTTP client for the API, with a bearer token (none for the public routes); disposed with the host.</summary>
    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = this.Root, Timeout = TimeSpan.FromSeconds(100) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        lock (this.clients)
        {
            this.clients.Add(client);
        }

        return client;
    }

    /// <summary>Stops the host; its task hub and storage stay, to be inspected.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (this.clients)
        {
            foreach (HttpClient client in this.clients)
            {
                client.Dispose();
            }

            this.clients.Clear();
        }

        await this.App.StopAsync(CancellationToken.None);
        await this.App.DisposeAsync();
    }
}
