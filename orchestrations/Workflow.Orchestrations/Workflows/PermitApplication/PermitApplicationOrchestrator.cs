using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Workflows.PermitApplication;

/// <summary>
/// One application for a work authorisation, from submission to decision (DESIGN.md §1):
/// <list type="number">
/// <item>admissibility, on the one-view of the authentic sources: no excluded employer or director (§2.1), complete
/// documents and the fee, with a deadline when something is missing (the SLA clock waits with the applicant);</item>
/// <item>in parallel, the Flemish assessment (the category's rules and the fraud signals for the caseworker, third
/// parties asked when there is doubt, then the caseworker's decision) and, for single-permit categories, the federal
/// leg (handoff, then the federal decision that resumes the workflow through a callback);</item>
/// <item>the combined decision: granted only if both sides approve; a Flemish refusal cancels the federal leg;</item>
/// <item>the letter kept with the dossier, employer and worker notified.</item>
/// </list>
/// SLA milestones and deadline alerts fire while the workflow waits (see <see cref="PermitWorkflow"/>).
/// No injected dependencies and no I/O here: everything external happens in activities.
/// </summary>
public sealed class PermitApplicationOrchestrator : TaskOrchestrator<PermitApplicationInput, PermitApplicationResult>
{
    public override async Task<PermitApplicationResult> RunAsync(TaskOrchestrationContext context, PermitApplicationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var application = new PermitWorkflow(context, input);
        await application.ReceiveAsync();

        switch (await application.BecomeAdmissibleAsync())
        {
            case AdmissibilityOutcome.Excluded:
                return await application.DecideAsync(Outcome.Inadmissible, [DecisionGrounds.EmployerExcluded.Code]);
            case AdmissibilityOutcome.Incomplete:
                return await application.DecideAsync(Outcome.Inadmissible, [DecisionGrounds.Incomplete.Code]);
        }

        await application.StartAssessmentAsync();
        (Outcome outcome, IReadOnlyList<string> grounds) = await application.AwaitVerdictsAsync();
        return await application.DecideAsync(outcome, grounds);
    }
}
