using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Application;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Federal;
using Workflow.Application.Http;
using Workflow.Application.Payments;
using Workflow.Application.Ports;
using Workflow.Application.Queries;
using Workflow.Application.Submissions;

namespace Workflow.Functions.Http;

/// <summary>
/// The HTTP API of <see cref="PermitApi"/> as HTTP-triggered functions (ASP.NET Core integration): the same routes
/// (each starting with <c>api/</c>: host.json's route prefix is empty so the pages can be served from the root), function names equal to the local endpoints' names, and the very same
/// handlers, so status codes and RFC 9457 problems cannot drift. Services that talk to the task hub are created per
/// invocation around the <c>[DurableClient]</c> binding's client (docs/design.md, known difference (c) between the
/// hosts); the others come from DI. A test compares the routes and methods with the local host's endpoint table.
/// </summary>
/// <remarks>
/// Authorisation: App Service authentication (Entra ID) in front validates the token; each function then evaluates its
/// endpoint's policy of <see cref="AccessPolicies"/> on the forwarded principal (<see cref="FunctionAccess"/>) and the
/// handler makes the employer ownership check, exactly as the local host does. No function key is asked (people have
/// none), so the triggers are anonymous at the host. The federal webhook (HMAC signature) and the decision grounds
/// (public information) are excluded from App Service authentication and take no principal. Every function takes from
/// its caller's rate limit budget first (<see cref="CallerRateLimits"/>), as the local host's endpoints do.
/// </remarks>
public static class PermitHttpFunctions
{
    [Function("SubmitApplication")]
    public static Task<IResult> SubmitApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Employers, CallerRateLimits.Submissions, user =>
            PermitApi.SubmitAsync(request, user, With<SubmissionService>(context, client), Service<IDocumentStaging>(context), Service<IOptions<WorkflowSettings>>(context), cancellationToken));

    [Function("GetApplication")]
    public static Task<IResult> GetApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ApplicationReaders, user =>
            PermitApi.GetAsync(id, user, Service<ApplicationQueries>(context), Service<ApplicantAccess>(context), cancellationToken));

    [Function("GetOverview")]
    public static Task<IResult> GetOverview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/overview")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseReaders, user =>
            PermitApi.GetOverviewAsync(id, request.HttpContext, user, Service<ApplicationQueries>(context), cancellationToken));

    [Function("RequestThirdParty")]
    public static Task<IResult> RequestThirdParty(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/third-party-requests")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Caseworkers, user =>
            PermitApi.RequestThirdPartyAsync(id, request, user, Gated<ThirdPartyCommands>(context, client), cancellationToken));

    [Function("AnswerThirdParty")]
    public static Task<IResult> AnswerThirdParty(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/third-party-requests/{requestId}/answer")] HttpRequest request,
        string id,
        string requestId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Caseworkers, user =>
            PermitApi.AnswerThirdPartyAsync(id, requestId, request, user, Gated<ThirdPartyCommands>(context, client), cancellationToken));

    [Function("GetDecisionLetter")]
    public static Task<IResult> GetDecisionLetter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/letter")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ApplicationReaders, user =>
            PermitApi.GetLetterAsync(id, request.HttpContext, user, Service<ApplicationQueries>(context), Service<ApplicantAccess>(context), cancellationToken));

    [Function("SupplyDocuments")]
    public static Task<IResult> SupplyDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/documents")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Employers, CallerRateLimits.Submissions, user =>
            PermitApi.SupplyDocumentsAsync(id, request, user, Gated<ApplicationCommands>(context, client), Service<ApplicantAccess>(context), Service<IDocumentStaging>(context), Service<IOptions<WorkflowSettings>>(context), cancellationToken));

    [Function("PayFee")]
    public static Task<IResult> PayFee(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/payments")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Employers, user =>
            PermitApi.PayAsync(id, request, user, Gated<PaymentCommands>(context, client), Service<ApplicantAccess>(context), cancellationToken));

    [Function("RequestInformation")]
    public static Task<IResult> RequestInformation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/information-requests")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Caseworkers, user =>
            PermitApi.RequestInformationAsync(id, request, user, Gated<ApplicationCommands>(context, client), cancellationToken));

    [Function("Decide")]
    public static Task<IResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/decision")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Caseworkers, user =>
            PermitApi.DecideAsync(id, request, user, Gated<ApplicationCommands>(context, client), cancellationToken));

    [Function("WithdrawApplication")]
    public static Task<IResult> WithdrawApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/withdrawal")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Employers, user =>
            PermitApi.WithdrawAsync(id, request, user, Gated<ApplicationCommands>(context, client), Service<ApplicantAccess>(context), cancellationToken));

    [Function("CorrectApplication")]
    public static Task<IResult> CorrectApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/corrections")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Employers, user =>
            PermitApi.CorrectAsync(id, request, user, Gated<ApplicationCommands>(context, client), Service<ApplicantAccess>(context), cancellationToken));

    [Function("ConsentToInformationRequest")]
    public static Task<IResult> ConsentToInformationRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/information-requests/{requestId}/consent")] HttpRequest request,
        string id,
        string requestId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Managers, user =>
            PermitApi.ConsentAsync(id, requestId, request, user, Gated<ApplicationCommands>(context, client), cancellationToken));

    [Function("GetCommands")]
    public static Task<IResult> GetCommands(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/commands")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseReaders, _ =>
            PermitApi.GetCommandsAsync(id, Service<ApplicationQueries>(context), cancellationToken));

    [Function("GetCommand")]
    public static Task<IResult> GetCommand(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/commands/{kind}/{commandId}")] HttpRequest request,
        string id,
        string kind,
        string commandId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ApplicationReaders, user =>
            PermitApi.GetCommandAsync(id, kind, commandId, user, Service<ApplicationQueries>(context), Service<ApplicantAccess>(context), cancellationToken));

    [Function("GetWorklist")]
    public static Task<IResult> GetWorklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/worklist")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseworkersAndManagers, user =>
            AssignmentApi.WorklistAsync(request, user, Service<ApplicationQueries>(context), cancellationToken));

    [Function("GetMe")]
    public static Task<IResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me")] HttpRequest request,
        FunctionContext context) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.AnyRole, user => Task.FromResult<IResult>(SessionApi.GetMe(user)));

    [Function("GetDecisionGrounds")]
    public static Task<IResult> GetDecisionGrounds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/decision-grounds")] HttpRequest request,
        FunctionContext context) =>
        FunctionAccess.RunAnonymousAsync(request, context, () => Task.FromResult(PermitApi.GetDecisionGrounds()));

    [Function("GetExclusions")]
    public static Task<IResult> GetExclusions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/exclusions")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FunctionAccess.RunAsync(request, context, AccessPolicies.CaseReaders, _ =>
            PermitApi.GetExclusionsAsync(
                request.Query["pageSize"].FirstOrDefault(), request.Query["continuation"].FirstOrDefault(), Service<ExclusionQueries>(context), cancellationToken));
    }

    [Function("GetExclusion")]
    public static Task<IResult> GetExclusion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/exclusions/{exclusionId}")] HttpRequest request,
        string exclusionId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseReaders, _ =>
            PermitApi.GetExclusionAsync(exclusionId, Service<ExclusionQueries>(context), cancellationToken));

    [Function("ProposeExclusion")]
    public static Task<IResult> ProposeExclusion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/exclusions")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ExclusionWriters, user =>
            PermitApi.ProposeExclusionAsync(request, user, Service<ExclusionCommands>(context), cancellationToken));

    [Function("ConfirmExclusion")]
    public static Task<IResult> ConfirmExclusion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/exclusions/{exclusionId}/confirm")] HttpRequest request,
        string exclusionId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ExclusionWriters, user =>
            PermitApi.ConfirmExclusionAsync(exclusionId, user, Service<ExclusionCommands>(context), cancellationToken));

    [Function("LiftExclusion")]
    public static Task<IResult> LiftExclusion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/exclusions/{exclusionId}/lift")] HttpRequest request,
        string exclusionId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ExclusionWriters, user =>
            PermitApi.LiftExclusionAsync(exclusionId, request, user, Service<ExclusionCommands>(context), cancellationToken));

    [Function("CorrectExclusion")]
    public static Task<IResult> CorrectExclusion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/exclusions/{exclusionId}/corrections")] HttpRequest request,
        string exclusionId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ExclusionWriters, user =>
            PermitApi.CorrectExclusionAsync(exclusionId, request, user, Service<ExclusionCommands>(context), cancellationToken));

    [Function("ConfirmExclusionChange")]
    public static Task<IResult> ConfirmExclusionChange(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/exclusions/{exclusionId}/changes/{changeId}/confirm")] HttpRequest request,
        string exclusionId,
        string changeId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ExclusionWriters, user =>
            PermitApi.ConfirmExclusionChangeAsync(exclusionId, changeId, user, Service<ExclusionCommands>(context), cancellationToken));

    /// <summary>
    /// The federal office's webhook, the second path for callbacks besides queue <c>federal-decisions</c>: the same
    /// handler, answered at once (202 delivered, 200 recorded as late, 404 unknown application, 400 malformed, 401 when
    /// the HMAC signature over timestamp and body is missing, stale or wrong).
    /// </summary>
    [Function("ReceiveFederalMessage")]
    public static Task<IResult> ReceiveFederalMessage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/federal/decisions")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAnonymousAsync(request, context, () =>
            PermitApi.FederalMessageAsync(request, Gated<FederalMessageHandler>(context, client), Service<FederalWebhookSignature>(context), cancellationToken));

    /// <summary>The payment provider's signed callback: the same handler as the local host's (202 applied, 200 recorded or repeated, 401 unsigned).</summary>
    [Function("ReceivePaymentEvent")]
    public static Task<IResult> ReceivePaymentEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/payments/provider-events")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAnonymousAsync(request, context, () =>
            PermitApi.PaymentEventAsync(request, Gated<PaymentCallbacks>(context, client), cancellationToken));

    [Function("GetPeakPeriods")]
    public static Task<IResult> GetPeakPeriods(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/sla/peak-periods")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseworkersAndManagers, _ =>
            PermitApi.GetPeakPeriodsAsync(Service<PeakPeriodCommands>(context), cancellationToken));

    [Function("ReplacePeakPeriods")]
    public static Task<IResult> ReplacePeakPeriods(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/sla/peak-periods")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Managers, user =>
            PermitApi.ReplacePeakPeriodsAsync(request, user, Service<PeakPeriodCommands>(context), cancellationToken));

    [Function("GetAlerts")]
    public static Task<IResult> GetAlerts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/alerts")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FunctionAccess.RunAsync(request, context, AccessPolicies.Managers, _ =>
            PermitApi.GetAlertsAsync(request, Service<IManagerAlertInbox>(context), cancellationToken));
    }

    static T Service<T>(FunctionContext context)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<T>();
    }

    /// <summary>A command service whose gate raises events through this invocation's durable client.</summary>
    static T Gated<T>(FunctionContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CommandServices.Create<T>(context.InstanceServices, client);
    }

    /// <summary>An application service bound to this invocation's durable client.</summary>
    static T With<T>(FunctionContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActivatorUtilities.CreateInstance<T>(context.InstanceServices, client);
    }
}
