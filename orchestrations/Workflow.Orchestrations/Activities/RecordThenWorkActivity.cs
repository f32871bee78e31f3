using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Telemetry;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// A transition to carry out and the work it asks for next, if any: <paramref name="Work"/> (sources, admissibility or
/// assessment; null: the record only) with what that work needs (<paramref name="RequiredDocuments"/> for the
/// admissibility check).
/// </summary>
public sealed record CaseWorkOrder(TransitionRecord Record, CaseWork? Work, IReadOnlyList<string>? RequiredDocuments = null);

/// <summary>
/// What the work of a <see cref="CaseWorkOrder"/> found: <paramref name="Work"/> names the work done (null: none) and the
/// one field of its kind is set. The workflow checks the name: after a crash the engine can hand a step the result of
/// another order (see the workflow's <c>CarryOutThenWorkAsync</c>).
/// </summary>
public sealed record CaseWorkDone(CaseWork? Work, SourcesGathered? Sources = null, AdmissibilityFindings? Admissibility = null, AssessmentSummary? Assessment = null);

/// <summary>
/// Carries out a transition (<see cref="RecordTransitionActivity"/>) and then does the work it asked for (sources,
/// admissibility or assessment: the activity of that work), in one activity: one work item and one episode fewer than
/// the two would take. Workflow version 2.1 carries out every transition with it, with work or without. The effects
/// come first, as they did when the record was an activity of its own, and both parts are idempotent on their keys, so
/// a retry repeats nothing. Not the letter: it follows a committed decision, in its own activity (the workflow's
/// <c>GoesWithWork</c> says why).
/// </summary>
public sealed class RecordThenWorkActivity(IServiceProvider services) : TaskActivity<CaseWorkOrder, CaseWorkDone>
{
    public override async Task<CaseWorkDone> RunAsync(TaskActivityContext context, CaseWorkOrder input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await this.PartAsync<RecordTransitionActivity, TransitionRecord, int>(context, input.Record);
        string applicationId = input.Record.ApplicationId;
        return input.Work switch
        {
            null => new(null),
            CaseWork.GatherSources => new(input.Work, Sources: await this.PartAsync<GatherAuthenticSourcesActivity, string, SourcesGathered>(context, applicationId)),
            CaseWork.CheckAdmissibility => new(input.Work, Admissibility: await this.PartAsync<CheckAdmissibilityActivity, AdmissibilityCheck, AdmissibilityFindings>(
                context, new AdmissibilityCheck(applicationId, input.RequiredDocuments ?? []))),
            CaseWork.Assess => new(input.Work, Assessment: await this.PartAsync<AssessApplicationActivity, string, AssessmentSummary>(context, applicationId)),
            _ => throw new ArgumentException($"{input.Work} is not done with a record.", nameof(input)),
        };
    }

    /// <summary>
    /// One part: the activity of its own, made as the engine makes activities (from the host's services) and run in a
    /// span of its name, so a trace shows the parts as it showed the separate activities.
    /// </summary>
    Task<TOutput> PartAsync<TActivity, TInput, TOutput>(TaskActivityContext context, TInput input)
        where TActivity : TaskActivity<TInput, TOutput> =>
        PermitTelemetry.TraceAsync(typeof(TActivity).Name, context.InstanceId, () => ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(services).RunAsync(context, input));
}
