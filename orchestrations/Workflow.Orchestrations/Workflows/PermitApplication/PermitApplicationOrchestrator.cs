using Microsoft.DurableTask;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Workflows.PermitApplication.V1;

namespace Workflow.Orchestrations.Workflows.PermitApplication;

/// <summary>
/// One application for a work authorisation, from submission to decision. Since version 2.0 the procedure is
/// <see cref="PermitCaseModel"/>, a pure model of the case that <see cref="PermitWorkflow"/> drives: admissibility on the
/// one-view (§2.9, §2.1), the Flemish assessment in parallel with the federal leg (§2.4), SLA milestones and deadlines,
/// the combined decision, the letter. Instances started under version 1.0 finish on the 1.0 steps
/// (<see cref="PermitWorkflowV1"/>). No injected dependencies and no I/O here: everything external happens in activities.
/// </summary>
public sealed class PermitApplicationOrchestrator : TaskOrchestrator<PermitApplicationInput, PermitApplicationResult>
{
    public override async Task<PermitApplicationResult> RunAsync(TaskOrchestrationContext context, PermitApplicationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        if (PermitWorkflowVersions.RunsVersion1(context))
        {
            return await RunVersion1Async(context, input);
        }

        return await new PermitWorkflow(context, input).RunAsync();
    }

    /// <summary>Version 1.0, unchanged: the phases called in order.</summary>
    static async Task<PermitApplicationResult> RunVersion1Async(TaskOrchestrationContext context, PermitApplicationInput input)
    {
        var application = new PermitWorkflowV1(context, input);
        await application.ReceiveAsync();

        switch (await application.BecomeAdmissibleAsync())
        {
            case AdmissibilityOutcome.Excluded:
                return await application.DecideAsync(Domain.Outcome.Inadmissible, [Domain.DecisionGrounds.EmployerExcluded.Code]);
            case AdmissibilityOutcome.Incomplete:
                return await application.DecideAsync(Domain.Outcome.Inadmissible, [Domain.DecisionGrounds.Incomplete.Code]);
        }

        await application.StartAssessmentAsync();
        (Domain.Outcome outcome, IReadOnlyList<string> grounds) = await application.AwaitVerdictsAsync();
        return await application.DecideAsync(outcome, grounds);
    }
}
