using Microsoft.Azure.Functions.Worker;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Functions.Tasks;

/// <summary>
/// One [ActivityTrigger] wrapper per activity of <c>PermitTasks.Activities</c>, named after its class (the name the
/// local host registers it under). The input arrives as the bound trigger parameter (deserialised with the pinned
/// serializer); the activity is resolved from DI and run with a <see cref="FunctionsActivityContext"/>. A new activity
/// needs one line here: the wrapper test fails until it has it.
/// </summary>
public static class PermitActivityFunctions
{
    [Function(nameof(CheckAdmissibilityActivity))]
    public static Task<AdmissibilityFindings> CheckAdmissibility([ActivityTrigger] AdmissibilityCheck input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<CheckAdmissibilityActivity, AdmissibilityCheck, AdmissibilityFindings>(input, instanceId, executionContext);

    [Function(nameof(AssessApplicationActivity))]
    public static Task<AssessmentSummary> AssessApplication([ActivityTrigger] string input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<AssessApplicationActivity, string, AssessmentSummary>(input, instanceId, executionContext);

    [Function(nameof(SendThirdPartyRequestActivity))]
    public static Task<string> SendThirdPartyRequest([ActivityTrigger] ThirdPartyRequest input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<SendThirdPartyRequestActivity, ThirdPartyRequest, string>(input, instanceId, executionContext);

    [Function(nameof(RecordProgressActivity))]
    public static Task<string> RecordProgress([ActivityTrigger] ProgressRecord input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<RecordProgressActivity, ProgressRecord, string>(input, instanceId, executionContext);

    [Function(nameof(RecordTransitionActivity))]
    public static Task<int> RecordTransition([ActivityTrigger] TransitionRecord input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<RecordTransitionActivity, TransitionRecord, int>(input, instanceId, executionContext);

    [Function(nameof(RecordThenWorkActivity))]
    public static Task<CaseWorkDone> RecordThenWork([ActivityTrigger] CaseWorkOrder input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<RecordThenWorkActivity, CaseWorkOrder, CaseWorkDone>(input, instanceId, executionContext);

    [Function(nameof(NotifyPartyActivity))]
    public static Task<string> NotifyParty([ActivityTrigger] PartyNotification input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<NotifyPartyActivity, PartyNotification, string>(input, instanceId, executionContext);

    [Function(nameof(SendFederalMessageActivity))]
    public static Task<string> SendFederalMessage([ActivityTrigger] FederalOutboundMessage input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<SendFederalMessageActivity, FederalOutboundMessage, string>(input, instanceId, executionContext);

    [Function(nameof(PublishAlertActivity))]
    public static Task<string> PublishAlert([ActivityTrigger] SlaAlert input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<PublishAlertActivity, SlaAlert, string>(input, instanceId, executionContext);

    [Function(nameof(GatherAuthenticSourcesActivity))]
    public static Task<SourcesGathered> GatherAuthenticSources([ActivityTrigger] string input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<GatherAuthenticSourcesActivity, string, SourcesGathered>(input, instanceId, executionContext);

    [Function(nameof(IssueDecisionLetterActivity))]
    public static Task<string> IssueDecisionLetter([ActivityTrigger] LetterRequest input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<IssueDecisionLetterActivity, LetterRequest, string>(input, instanceId, executionContext);
}
