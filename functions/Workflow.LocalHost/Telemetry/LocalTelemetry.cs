using Microsoft.AspNetCore.Http;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Workflow.Orchestrations.Telemetry;

namespace Workflow.LocalHost.Telemetry;

/// <summary>
/// OpenTelemetry in the local host: traces of the API (ASP.NET Core), outgoing HTTP, the Durable Task SDK's own spans
/// (<c>Microsoft.DurableTask</c>: scheduling, orchestrations, activities) and ours (<see cref="PermitTelemetry"/>: every
/// activity and the queue listeners, tagged with the application id); the <c>Workflow.Permits</c> meter. Exported as
/// <c>Telemetry:Exporter</c> says (none by default). The engine's own gRPC traffic between worker and sidecar is left
/// out: it is the plumbing of every span, not a step of an application.
/// </summary>
public static class LocalTelemetry
{
    public const string ServiceName = "permits-local-host";

    /// <summary>The Durable Task SDK's activity source (client scheduling, orchestration and activity spans).</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    const string SidecarPath = "/TaskHubSidecarService";

    public static WebApplicationBuilder AddLocalTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        TelemetrySettings settings = builder.Configuration.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        if (settings.OtlpEndpoint is { IsAbsoluteUri: false } or { Scheme: not ("http" or "https") })
        {
            throw new InvalidOperationException($"{TelemetrySettings.Section}:{nameof(TelemetrySettings.OtlpEndpoint)} must be an absolute http or https address, e.g. http://127.0.0.1:4317.");
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PermitTelemetry.Name, DurableTaskSource)
                    .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = http => !http.Request.Path.StartsWithSegments(SidecarPath, StringComparison.Ordinal))
                    .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = request => request.RequestUri?.AbsolutePath.StartsWith(SidecarPath, StringComparison.Ordinal) != true);
                _ = settings.Exporter switch
                {
                    TelemetryExporter.Console => tracing.AddConsoleExporter(),
                    TelemetryExporter.Otlp => tracing.AddOtlpExporter(otlp => Endpoint(otlp, settings)),
                    _ => tracing,
                };
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PermitTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                _ = settings.Exporter switch
                {
                    TelemetryExporter.Console => metrics.AddConsoleExporter(),
                    TelemetryExporter.Otlp => metrics.AddOtlpExporter(otlp => Endpoint(otlp, settings)),
                    _ => metrics,
                };
            });

        // Logs already go to the console; to a collector they go with the traces.
        if (settings.Exporter == TelemetryExporter.Otlp)
        {
            builder.Logging.AddOpenTelemetry(logs => logs.AddOtlpExporter(otlp => Endpoint(otlp, settings)));
        }

        return builder;
    }

    static void Endpoint(OpenTelemetry.Exporter.OtlpExporterOptions otlp, TelemetrySettings settings)
    {
        if (settings.OtlpEndpoint is Uri endpoint)
        {
            otlp.Endpoint = endpoint;
        }
    }
}
