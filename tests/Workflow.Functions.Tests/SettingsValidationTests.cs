using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Functions.Tests.Support;
using Workflow.LocalHost;

namespace Workflow.Functions.Tests;

/// <summary>
/// Every settings class is validated when the host starts (<c>ValidateOnStart</c>: the startup validator the host runs
/// before anything else), with a message that names the setting; the sample and the defaults pass.
/// </summary>
public sealed class SettingsValidationTests
{
    public static TheoryData<string, string, string> WrongSettings() => new()
    {
        { "FederalWebhook:Secret", "too-short", "FederalWebhook:Secret" },
        { "FederalWebhook:ReplayWindow", "1.00:00:00", "FederalWebhook:ReplayWindow" },
        { "PaymentProvider:WebhookSecret", "too-short", "PaymentProvider:WebhookSecret" },
        { "Workflow:PolicyDayLength", "00:00:00", "Workflow:PolicyDayLength" },
        { "Workflow:MaxRequestBytes", "1000", "Workflow:MaxRequestBytes" },
        { "RateLimits:Requests:TokenLimit", "0", "RateLimits" },
        { "Retention:Interval", "00:00:00", "Retention" },
        { "Exclusions:DirectorKey", "short", "Exclusions:DirectorKey" },
        { "Storage:ConnectionString", " ", "Storage:ConnectionString" },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task A_wrong_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        await using FunctionsApp app = FunctionsApp.Create(new Dictionary<string, string?> { [key] = value });
        var refused = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaults_start()
    {
        await using FunctionsApp app = FunctionsApp.Create();
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        await LocalHostServices.ReadAsync(local => { local.Services.GetRequiredService<IStartupValidator>().Validate(); return 0; });
    }

    [Theory]
    [InlineData("--Engine:PartitionCount=40", "Engine:PartitionCount")]
    [InlineData("--Engine:TaskHub=no-dashes", "Engine:TaskHub")]
    [InlineData("--Storage:NamePrefix=9starts-with-a-digit", "Storage:NamePrefix")]
    [InlineData("--Telemetry:OtlpEndpoint=ftp://collector", "Telemetry:OtlpEndpoint")]
    public async Task The_local_host_refuses_wrong_engine_and_storage_settings(string argument, string named)
    {
        Exception refused = await Record.ExceptionAsync(async () =>
        {
            await using var app = PermitLocalHost.Build(["--port", "0", argument]);
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        });
        Assert.True(refused is InvalidOperationException or OptionsValidationException, refused?.ToString());
        Assert.Contains(named, refused!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("Console")]
    [InlineData("Otlp")]
    public async Task The_local_host_builds_its_telemetry_with_each_exporter(string exporter)
    {
        await using var app = PermitLocalHost.Build(["--port", "0", $"--Telemetry:Exporter={exporter}", "--Telemetry:OtlpEndpoint=http://127.0.0.1:4317"]);
        Assert.NotNull(app.Services.GetRequiredService<OpenTelemetry.Trace.TracerProvider>());
        Assert.NotNull(app.Services.GetRequiredService<OpenTelemetry.Metrics.MeterProvider>());
    }
}
