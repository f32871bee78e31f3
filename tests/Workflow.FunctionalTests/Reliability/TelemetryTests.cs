using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Telemetry;

namespace Workflow.FunctionalTests.Reliability;

/// <summary>
/// What an operator watches, read back through OpenTelemetry's in-memory exporters from the local host: one
/// application's run is one trace, from the API call that submitted it through the workflow's activities, each span
/// tagged with the application id; the permits meter records stages entered, milestones and breaches, time to
/// admissibility and to decision, the federal leg's age at its answer and poisoned federal messages; and no span, tag,
/// metric or log line carries the applicant's personal data.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime, IDisposable
{
    readonly LockedCollection<Activity> spans = new();
    readonly LockedCollection<MetricSnapshot> metrics = new();
    readonly CapturedLogs logs = new();
    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(
        new PermitHostOptions { Extra = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information", ["Logging:LogLevel:Workflow"] = "Debug" } },
        builder =>
        {
            builder.Services.AddSingleton<ILoggerProvider>(this.logs);
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(this.spans));
            builder.Services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(this.metrics));
        });

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    public void Dispose() => this.logs.Dispose();

    [Fact]
    public async Task One_application_is_one_trace_from_the_API_through_its_activities_and_its_metrics_are_recorded_without_personal_data()
    {
        JsonObject application = Samples.Load(Samples.HighlySkilled);
        string applicationId = await this.host.Api.SubmitAsync(application);
        await this.host.Api.PayAsync(applicationId);
        await this.host.Api.WaitForStageAsync(applicationId, "awaiting-decision", Scenario.StepTimeout);
        string handoffId = (await this.host.FederalOffice.WaitForAsync(applicationId, "handoff", Scenario.StepTimeout)).GetProperty("handoffId").GetString()!;
        using (HttpResponseMessage federal = await this.host.Api.FederalAsync(applicationId, handoffId, "decision", "approved"))
        {
            Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
        }

        // The fast lane's due date passes (15 policy days of a second each) before the caseworker decides: a breach.
        await Eventually.HoldsAsync(
            async () => (await Scenario.TimelineAsync(this.host, applicationId)).Contains("milestone-breached"), Scenario.StepTimeout, "the SLA breach");
        await this.host.Api.DecideAsync(applicationId, "approve");
        await Scenario.CompletedAsync(this.host, applicationId);

        // A federal message for no known application is set aside (poisoned).
        string unknown = Workflow.Orchestrations.Domain.ApplicationIds.Derive("0200000637", "NO-SUCH-" + Guid.NewGuid().ToString("N")[..8]);
        await this.host.Storage.Queue("federal-decisions").SendMessageAsync(
            $$"""{"messageId":"m-{{Guid.NewGuid():N}}","kind":"decision","applicationId":"{{unknown}}","handoffId":"{{unknown}}-h1","decision":"approved","reasonCodes":[]}""");

        // The trace: the submission's server span and every activity span of this application share one trace id.
        List<Activity> mine = [.. this.spans.Snapshot().Where(s => Equals(s.GetTagItem(PermitTelemetry.ApplicationIdTag), applicationId))];
        Activity submitted = Assert.Single(mine, s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal));
        List<Activity> activities = [.. mine.Where(s => s.Source.Name == PermitTelemetry.Name && s.DisplayName.StartsWith("activity ", StringComparison.Ordinal))];
        Assert.Contains(activities, s => s.DisplayName == "activity GatherAuthenticSourcesActivity");
        Assert.Contains(activities, s => s.DisplayName == "activity AssessApplicationActivity");
        Assert.Contains(activities, s => s.DisplayName == "activity IssueDecisionLetterActivity");
        Assert.Contains(activities, s => s.DisplayName == "activity RecordTransitionActivity");
        Assert.All(activities, s => Assert.Equal(submitted.TraceId, s.TraceId));

        // The metrics, once the host's meter provider has flushed.
        MeterProvider meters = this.host.Services.GetRequiredService<MeterProvider>();
        string[] expected =
        [
            "permits.submissions", "permits.stage.entered", "permits.milestones.fired", "permits.sla.breaches", "permits.time_to_admissibility",
            "permits.time_to_decision", "permits.federal.leg_age_at_answer", "permits.federal.poisoned",
        ];
        await Eventually.HoldsAsync(
            () =>
            {
                meters.ForceFlush();
                HashSet<string> recorded = [.. this.metrics.Snapshot().Where(m => m.MetricPoints.Count > 0).Select(m => m.Name)];
                return Task.FromResult(expected.All(recorded.Contains)
                    && this.spans.Snapshot().Any(s => s.Kind == ActivityKind.Consumer && Equals(s.GetTagItem("permits.federal.handling"), "unknown-application")));
            },
            Scenario.StepTimeout,
            "every permits metric, and the queue listener's span (exported when it ends, after its poisoned-message count)");
        List<(string Metric, string Key, string Value)> tags = [.. this.metrics.Snapshot()
            .Where(m => m.Name.StartsWith("permits.", StringComparison.Ordinal))
            .SelectMany(m => m.MetricPoints.SelectMany(p => Tags(p).Select(t => (m.Name, t.Key, t.Value))))];
        Assert.Contains(tags, t => t is ("permits.stage.entered", "stage", "awaiting-decision"));
        Assert.Contains(tags, t => t is ("permits.sla.breaches", "milestone", "breached"));
        Assert.Contains(tags, t => t is ("permits.time_to_decision", "outcome", "granted"));
        Assert.Contains(tags, t => t is ("permits.federal.poisoned", "handling", "unknown-application"));
        Assert.DoesNotContain(tags, t => t.Value.StartsWith("wp-", StringComparison.Ordinal)); // metrics carry codes, never ids

        // No personal data in any span (name, tags, status), metric tag or log line.
        List<string> needles = PersonalData(application);
        var texts = new List<string>();
        texts.AddRange(this.spans.Snapshot().Select(s => $"{s.DisplayName} {s.StatusDescription} {string.Join(' ', s.TagObjects.Select(t => $"{t.Key}={t.Value}"))}"));
        texts.AddRange(tags.Select(t => $"{t.Metric} {t.Key}={t.Value}"));
        texts.AddRange(this.logs.Lines);
        Assert.True(this.logs.Lines.Any(l => l.Contains($"Application {applicationId} entered stage AwaitingDecision", StringComparison.Ordinal)), "the workflow logs its stages");
        List<string> hits = [.. texts.SelectMany(text => needles.Where(n => text.Contains(n, StringComparison.Ordinal)).Select(n => $"'{n}' in: {text[..Math.Min(200, text.Length)]}"))];
        Assert.Empty(hits);
    }

    static IEnumerable<(string Key, string Value)> Tags(MetricPoint point)
    {
        foreach (KeyValuePair<string, object?> tag in point.Tags)
        {
            yield return (tag.Key, tag.Value?.ToString() ?? "");
        }
    }

    /// <summary>The worker's and employer's identifying values as the client sent them.</summary>
    static List<string> PersonalData(JsonObject application)
    {
        JsonNode worker = application["worker"]!;
        List<string> needles = [.. new[] { "givenName", "familyName", "insz", "bis", "passportNumber", "contactEmail", "birthDate" }
            .Select(field => worker[field]?.GetValue<string>())
            .OfType<string>()
            .Where(value => value.Length > 0)];
        Assert.True(needles.Count >= 4, "the search covers the worker");
        return needles;
    }
}
