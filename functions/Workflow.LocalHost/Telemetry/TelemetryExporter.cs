namespace Workflow.LocalHost.Telemetry;

/// <summary>Where the local host sends its traces, metrics and logs (<c>Telemetry:Exporter</c>).</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere (the default: tests and demos stay quiet); spans and metrics are still collected for in-process readers.</summary>
    None,

    /// <summary>Standard output, next to the logs.</summary>
    Console,

    /// <summary>An OpenTelemetry collector (OTLP, <c>Telemetry:OtlpEndpoint</c>; the SDK's default endpoint when empty).</summary>
    Otlp,
}
