using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Telemetry;
using Workflow.Orchestrations.Workflows.MisuseReport;
using Workflow.Orchestrations.Workflows.PermitApplication;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;
using Workflow.Orchestrations.Workflows.Withdrawal;

namespace Workflow.Orchestrations;

/// <summary>
/// Every orchestrator and activity of the platform, in one place: both hosts register exactly these (the local host
/// through <see cref="AddPermitTasks"/>, the Azure Functions app through one hand-written wrapper each, checked by a test).
/// Task names are the class names.
/// </summary>
public static class PermitTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } =
    [
        typeof(PermitApplicationOrchestrator),
        typeof(MisuseReportOrchestrator),
        typeof(WithdrawalOrchestrator),
        typeof(RecognitionFollowUpOrchestrator),
    ];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(CheckAdmissibilityActivity),
        typeof(AssessApplicationActivity),
        typeof(SendThirdPartyRequestActivity),
        typeof(RecordProgressActivity),
        typeof(NotifyPartyActivity),
        typeof(SendFederalMessageActivity),
        typeof(PublishAlertActivity),
        typeof(GatherAuthenticSourcesActivity),
        typeof(IssueDecisionLetterActivity),
        typeof(RecordTransitionActivity),
        typeof(RecordThenWorkActivity),
        typeof(RecordReportTriageActivity),
        typeof(RecordWithdrawalActivity),
        typeof(IssueWithdrawalLetterActivity),
        typeof(ProposeWithdrawalExclusionsActivity),
        typeof(RecordRecognitionFollowUpActivity),
    ];

    public static DurableTaskRegistry AddPermitTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (Type orchestrator in Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        // Each activity runs inside a span of our own, tagged with the application id (PermitTelemetry).
        foreach (Type activity in Activities)
        {
            registry.AddActivity(
                new TaskName(activity.Name),
                services => new TracedActivity((ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(services, activity), activity.Name));
        }

        return registry;
    }
}
