using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.LocalHost;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>
/// The local host running in the test process: the real engine on the tests' Azurite, Kestrel on a free loopback
/// port, its own task hub and storage names. Tests talk to it over HTTP like any client.
/// </summary>
internal sealed class PermitHost : IAsyncDisposable
{
    readonly WebApplication app;

    PermitHost(WebApplication app, PermitHostOptions options, AzuriteServer azurite, Uri api)
    {
        this.app = app;
        this.Options = options;
        this.Storage = new StorageProbe(azurite.ConnectionString, options.Name);
        this.Api = new ApiClient(new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) });
        this.federalOffice = options.FederalOffice == "Off" ? new FederalOfficeProbe(this.Storage) : null;
    }

    readonly FederalOfficeProbe? federalOffice;

    /// <summary>The tests' federal office; only when the host's simulator is off.</summary>
    public FederalOfficeProbe FederalOffice => this.federalOffice ?? throw new InvalidOperationException("This host runs the simulated federal office.");

    public PermitHostOptions Options { get; }

    public ApiClient Api { get; }

    public StorageProbe Storage { get; }

    public DurableTaskClient Engine => this.app.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The host's services, for the few tests that check its configuration.</summary>
    public IServiceProvider Services => this.app.Services;

    /// <param name="options">The host's settings.</param>
    /// <param name="configure">A last word on the host's builder, e.g. to capture its logs.</param>
    public static async Task<PermitHost> StartAsync(PermitHostOptions? options = null, Action<WebApplicationBuilder>? configure = null)
    {
        options ??= new PermitHostOptions();
        AzuriteServer azurite = await TestAzurite.GetAsync();
        WebApplication app = PermitLocalHost.Build([.. options.Arguments(azurite.ConnectionString, httpPort: 0, workerId: $"test-{options.Name}")], configure);
        await PermitLocalHost.StartAsync(app);
        return new PermitHost(app, options, azurite, PermitLocalHost.ApiRoot(app));
    }

    public async ValueTask DisposeAsync()
    {
        if (this.federalOffice is not null)
        {
            await this.federalOffice.DisposeAsync();
        }

        this.Api.Dispose();
        await this.app.StopAsync();
        await this.app.DisposeAsync();
    }
}

/// <summary>The host most tests share: started once per test run, federal office played by the tests.</summary>
internal static class SharedHost
{
    static readonly Lazy<Task<PermitHost>> Host = new(StartAsync);

    public static Task<PermitHost> GetAsync() => Host.Value;

    static async Task<PermitHost> StartAsync()
    {
        PermitHost host = await PermitHost.StartAsync();

        // xunit v2 has no assembly fixture: stop the host (and remove its sidecar socket) when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return host;
    }
}
