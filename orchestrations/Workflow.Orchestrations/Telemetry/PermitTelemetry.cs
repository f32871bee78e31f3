using System.Diagnostics;
using System.Diagnostics.Metrics;
using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Telemetry;

/// <summary>
/// The platform's own traces and metrics (OpenTelemetry through the BCL's <see cref="ActivitySource"/> and
/// <see cref="Meter"/>; both hosts export them). Spans carry the application id (a hash, no personal data) and codes;
/// metrics carry codes only (category, track, stage, milestone, outcome), never an id. Measurements are taken in
/// activities, adapters and the application layer, never in orchestrator code, which replays.
/// </summary>
public static class PermitTelemetry
{
    public const string Name = "Workflow.Permits";

    /// <summary>The span tag of the application id (the instance id of its workflow).</summary>
    public const string ApplicationIdTag = "permits.application_id";

    public static ActivitySource Source { get; } = new(Name);

    static readonly Meter Meter = new(Name);

    /// <summary>A case entered a stage: applications by stage are these counters' differences.</summary>
    public static Counter<long> StageEntered { get; } = Meter.CreateCounter<long>("permits.stage.entered", "{application}", "Applications that entered a stage, by stage and category.");

    public static Counter<long> MilestonesFired { get; } = Meter.CreateCounter<long>("permits.milestones.fired", "{milestone}", "SLA and deadline milestones fired, by milestone kind and category.");

    public static Counter<long> Breaches { get; } = Meter.CreateCounter<long>("permits.sla.breaches", "{breach}", "SLA breaches and passed deadlines, by milestone kind and category.");

    public static Histogram<double> TimeToAdmissibility { get; } = Meter.CreateHistogram<double>("permits.time_to_admissibility", "d", "Policy days from submission to a complete (admissible) file, by category and track.");

    public static Histogram<double> TimeToDecision { get; } = Meter.CreateHistogram<double>("permits.time_to_decision", "d", "Policy days from submission to the decision, by category, track and outcome.");

    public static Histogram<double> FederalLegAgeAtAnswer { get; } = Meter.CreateHistogram<double>("permits.federal.leg_age_at_answer", "d", "Policy days from the federal handoff to the federal office's decision, by category and verdict.");

    public static Counter<long> FederalMessagesPoisoned { get; } = Meter.CreateCounter<long>("permits.federal.poisoned", "{message}", "Federal callbacks set aside (poison queue or dead-letter), by handling.");

    public static Counter<long> Submissions { get; } = Meter.CreateCounter<long>("permits.submissions", "{application}", "Applications submitted (new ones, not repeats), by category.");

    /// <summary>Milestones that mean a promise was broken (alerts to managers and beyond).</summary>
    public static bool IsBreach(MilestoneKind milestone) =>
        milestone is MilestoneKind.Breached or MilestoneKind.Escalated or MilestoneKind.FederalAnswerLate or MilestoneKind.FederalEscalated or MilestoneKind.OverallDeadlinePassed;

    /// <summary>
    /// Runs an activity (or a part of one) inside its span, tagged with the application id (the instance id) and the task;
    /// a failure marks the span with the exception's type only (its message may quote data).
    /// </summary>
    public static async Task<T> TraceAsync<T>(string taskName, string instanceId, Func<Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using Activity? span = Source.StartActivity($"activity {taskName}", ActivityKind.Internal);
        span?.SetTag(ApplicationIdTag, instanceId);
        span?.SetTag("permits.task", taskName);
        try
        {
            return await run();
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }
}
