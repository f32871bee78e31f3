namespace Workflow.LocalHost.Telemetry;

/// <summary>Section "Telemetry" of the local host: the exporter, off by default.</summary>
public sealed class TelemetrySettings
{
    public const string Section = "Telemetry";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The collector's OTLP endpoint, e.g. http://127.0.0.1:4317 (gRPC); empty: the SDK's default.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
