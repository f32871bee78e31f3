using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Adapters.Parties;
using Workflow.Adapters.Simulated;
using Workflow.Application.Ports;
using Workflow.Functions.Operations;
using Workflow.Functions.Tests.Support;
using Workflow.LocalHost;
using Workflow.Orchestrations.Ports;

namespace Workflow.Functions.Tests;

/// <summary>
/// Production wiring is explicit (docs/ports.md): a simulated party serves a host only when its settings name it, a
/// host that would leave a party without an adapter refuses to start and names the party, and both hosts say which
/// parties are real and which simulated (start log, health check).
/// </summary>
public sealed class PartyWiringTests
{
    [Fact]
    public void The_functions_app_without_an_opt_in_refuses_to_start_and_names_the_parties_without_a_real_adapter()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            FunctionsApp.Build(FunctionsApp.Configuration(new Dictionary<string, string?> { ["Simulations:Enabled"] = null })));

        Assert.Contains("authentic-sources (port IAuthenticSources)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("payment-provider (port IPaymentProvider)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ebox (port IEBox)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Simulations:Enabled", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("federal-office-gateway", refused.Message, StringComparison.Ordinal); // a real adapter serves it
    }

    [Fact]
    public void One_party_opted_in_leaves_the_other_named()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            FunctionsApp.Build(FunctionsApp.Configuration(new Dictionary<string, string?> { ["Simulations:Enabled"] = "authentic-sources" })));

        Assert.Contains("payment-provider", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("authentic-sources (port", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_is_refused_rather_than_ignored()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            FunctionsApp.Build(FunctionsApp.Configuration(new Dictionary<string, string?> { ["Simulations:Enabled"] = "authentic-sources,payment-providers" })));
        Assert.Contains("'payment-providers'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_simulated_federal_office_is_refused_where_handoffs_go_over_Service_Bus()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => FunctionsApp.Build(FunctionsApp.Configuration(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "ServiceBus",
            ["ServiceBus:fullyQualifiedNamespace"] = "permits.servicebus.windows.net",
            ["Simulations:Enabled"] = "authentic-sources,payment-provider,federal-office",
        })));
        Assert.Contains("federal-office", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opted_in_simulations_serve_their_ports_and_the_health_check_names_them_without_secrets()
    {
        await using FunctionsApp app = FunctionsApp.Create(new Dictionary<string, string?> { ["Simulations:Enabled"] = "authentic-sources,payment-provider,exclusions-seed,ebox" });
        Assert.IsType<SimulatedAuthenticSources>(app.Services.GetRequiredService<IAuthenticSources>());
        Assert.IsType<SimulatedPaymentProvider>(app.Services.GetRequiredService<IPaymentProvider>());
        Assert.IsType<SimulatedEBox>(app.Services.GetRequiredService<IEBox>());
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s is SimulatedExclusions);
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is SimulatedFederalOffice);

        var (context, http) = app.Invocation("GET", "/api/healthz");
        await using (context)
        {
            IResult result = HealthFunctions.Health(http.Request, context);
            await result.ExecuteAsync(http);
        }

        http.Response.Body.Position = 0;
        string body = await new StreamReader(http.Response.Body).ReadToEndAsync();
        JsonElement parties = JsonDocument.Parse(body).RootElement.GetProperty("parties");
        Assert.Equal(["authentic-sources", "payment-provider", "ebox", "exclusions-seed"], parties.GetProperty("simulated").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["federal-office-gateway", "third-parties", "notifications", "alert-dispatch"], parties.GetProperty("real").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(FunctionsApp.WebhookSecret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(FunctionsApp.DirectorKey, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_log_warns_while_a_party_is_simulated_and_names_them()
    {
        await using FunctionsApp app = FunctionsApp.Create();
        var logger = new RecordingLogger();
        await new PartiesStartupLog(app.Services.GetRequiredService<WiredParties>(), logger).StartAsync(CancellationToken.None);

        (LogLevel level, string message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("real federal-office-gateway, third-parties, notifications, alert-dispatch", message, StringComparison.Ordinal);
        Assert.Contains("SIMULATED authentic-sources, payment-provider, ebox", message, StringComparison.Ordinal);
    }

    sealed class RecordingLogger : ILogger<PartiesStartupLog>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            this.Entries.Add((logLevel, formatter(state, exception)));
    }

    [Fact]
    public async Task The_local_host_opts_in_to_every_simulation_and_refuses_to_start_without_them()
    {
        IReadOnlyList<string> simulated = await LocalHostServices.ReadAsync(app => app.Services.GetRequiredService<WiredParties>().Simulated);
        Assert.Equal(["authentic-sources", "payment-provider", "ebox", "federal-office", "exclusions-seed"], simulated);

        var refused = Assert.Throws<InvalidOperationException>(() => PermitLocalHost.Build(["--port", "0", "--Simulations:Enabled="]));
        Assert.Contains("authentic-sources", refused.Message, StringComparison.Ordinal);
        Assert.Contains("payment-provider", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ebox", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_without_an_ebox_adapter_refuses_to_start_and_names_the_ebox()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            FunctionsApp.Build(FunctionsApp.Configuration(new Dictionary<string, string?> { ["Simulations:Enabled"] = "authentic-sources,payment-provider" })));

        Assert.Contains("ebox (port IEBox): no real adapter exists yet and its simulation is not opted in", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("payment-provider (port", refused.Message, StringComparison.Ordinal);
    }
}
