using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Workflow.Adapters;
using Workflow.Adapters.Parties;
using Workflow.Application;
using Workflow.Application.Http;
using Workflow.Application.Http.OpenApi;
using Workflow.Application.Recognition;
using Workflow.Application.Retention;
using Workflow.Application.Web;
using Workflow.LocalHost.Engine;
using Workflow.LocalHost.Telemetry;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Serialization;

namespace Workflow.LocalHost;

/// <summary>
/// Builds the local host: engine, adapters, HTTP API, listeners and the simulated parties its settings opt in to
/// (appsettings.json names them all: this is a development host). Used by Program and, in
/// process, by the functional tests (which give their own Azurite, task hub and ports through configuration).
/// </summary>
public static class PermitLocalHost
{
    /// <summary>Short command-line switches for the settings people change most.</summary>
    static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--port"] = "Http:Port",
        ["--policy-day"] = $"{WorkflowSettings.Section}:PolicyDayLength",
        ["--task-hub"] = $"{EngineSettings.Section}:TaskHub",
        ["--storage"] = "Storage:ConnectionString",
        ["--worker-id"] = $"{EngineSettings.Section}:WorkerId",
        ["--federal-office"] = "FederalOffice:Mode",
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool inMemory = args.Contains("--in-memory");
        string[] settingsArgs = [.. args.Where(a => a != "--in-memory")];

        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settingsArgs, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(settingsArgs, Switches);
        if (inMemory)
        {
            builder.Configuration[$"{EngineSettings.Section}:Backend"] = nameof(EngineBackend.InMemory);
        }

        configure?.Invoke(builder);

        EngineSettings engine = builder.Configuration.GetSection(EngineSettings.Section).Get<EngineSettings>() ?? new EngineSettings();
        engine.Validate();
        string storage = builder.Configuration["Storage:ConnectionString"] ?? "UseDevelopmentStorage=true";
        int httpPort = builder.Configuration.GetValue("Http:Port", 5080);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, httpPort));

        // The worker's work-item stream to the sidecar keeps a request open, and a graceful stop would wait the default
        // 30 s for it. Nothing in this process needs that long: the engine redelivers whatever was in flight.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.AddDurableEngine(engine, storage);
        builder.Services.AddOpenApi(PermitOpenApi.DocumentName, PermitOpenApi.Configure);
        builder.Services.AddPermitApplication();
        builder.Services.AddSettingsValidation();
        builder.Services.AddLocalTokens(builder.Configuration);
        builder.Services.AddStorageClients(storage);
        builder.Services.AddAzureStorageAdapters(builder.Configuration);
        builder.Services.AddStorageQueueListeners();
        builder.Services.AddOptedInSimulations(builder.Configuration, storageQueues: true);
        builder.Services.AddRetention(withJob: true);
        builder.Services.AddRecognitionFollowUps(withJob: true);
        builder.AddLocalTelemetry();
        OutsideParties.RequireEveryParty(builder.Services);

        WebApplication app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter(); // after authentication, so a caller is its token's subject; before authorization, so refusals count too
        app.UseAuthorization();
        app.MapOpenApi(PermitApi.OpenApiPath).AllowAnonymous();
        app.MapGet("/healthz", (WiredParties parties) => TypedResults.Ok(parties.Health())).ExcludeFromDescription().AllowAnonymous();
        app.MapPermitApi();
        app.MapPages(signIn: "token").AllowAnonymous(); // the pages sign in with a pasted development token here
        if (app.Services.GetRequiredService<SimulationSettings>().Has(SimulatedParties.PaymentProvider))
        {
            Adapters.Simulated.SimulatedPaymentProvider.MapSimulatedPaymentProvider(app);
        }
        return app;
    }

    /// <summary>The API's root address once started (with Http:Port 0 the system picks the port).</summary>
    public static Uri ApiRoot(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        IServerAddressesFeature addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server has no addresses yet: start the host first.");
        return new Uri(addresses.Addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
    }

    /// <summary>Creates storage resources and the task hub, then serves until stopped.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(cancellationToken);
        await app.UseDurableEngineAsync();
        await app.StartAsync(cancellationToken);
    }
}
