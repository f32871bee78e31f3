using System.Diagnostics;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Telemetry;

/// <summary>
/// The measurements of one carried-out transition, from its state and steps: the stage entered, milestones and
/// breaches fired, time to admissibility and to decision, the federal leg's age at its answer. Codes only. A retried
/// activity measures again (at least once, like the activity).
/// </summary>
internal static class TransitionMetrics
{
    public static void Record(TransitionRecord record)
    {
        CaseEffects effects = record.Effects;
        foreach (SlaAlert alert in effects.Alerts)
        {
            var tags = new TagList { { "milestone", Codes.Of(alert.Milestone) }, { "category", Codes.Of(alert.Category) } };
            PermitTelemetry.MilestonesFired.Add(1, tags);
            if (PermitTelemetry.IsBreach(alert.Milestone))
            {
                PermitTelemetry.Breaches.Add(1, tags);
            }
        }

        if (record.State is not PermitCase state)
        {
            return;
        }

        string category = Codes.Of(state.Category);
        string track = Codes.Of(state.Terms.Sla.Track);
        foreach (Stage passed in record.PassedStages ?? [])
        {
            PermitTelemetry.StageEntered.Add(1, new TagList { { "stage", Codes.Of(passed) }, { "category", category } });
        }

        if (record.EntersStage)
        {
            PermitTelemetry.StageEntered.Add(1, new TagList { { "stage", Codes.Of(state.Stage) }, { "category", category } });
        }

        foreach (CaseStep step in effects.Steps)
        {
            switch (step.Event)
            {
                case CaseEvents.Admissible when state.CompleteAt is DateTimeOffset complete:
                    PermitTelemetry.TimeToAdmissibility.Record(Days(complete - state.SubmittedAt), new TagList { { "category", category }, { "track", track } });
                    break;
                case CaseEvents.Decided when state.DecidedAt is DateTimeOffset decided:
                    PermitTelemetry.TimeToDecision.Record(
                        Days(decided - state.SubmittedAt),
                        new TagList { { "category", category }, { "track", track }, { "outcome", state.Outcome is Outcome outcome ? Codes.Of(outcome) : "unknown" } });
                    break;
                case CaseEvents.FederalDecided when state.Federal is { HandedOffAt: DateTimeOffset handedOff, AnsweredAt: DateTimeOffset answered }:
                    PermitTelemetry.FederalLegAgeAtAnswer.Record(Days(answered - handedOff), new TagList { { "category", category }, { "verdict", Codes.Of(state.Federal.Status) } });
                    break;
            }
        }
    }

    /// <summary>Policy days (policy time runs <c>PolicyDayLength</c> times faster than real time on a fast host).</summary>
    static double Days(TimeSpan span) => Math.Max(0, span.TotalDays);
}
