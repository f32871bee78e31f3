using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Exclusions;
using Workflow.Application.Federal;
using Workflow.Application.Http.OpenApi;
using Workflow.Application.Payments;
using Workflow.Application.Ports;
using Workflow.Application.Queries;
using Workflow.Application.Submissions;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Application.Http;

/// <summary>
/// The HTTP API under <c>/api</c>: thin endpoints that read and check the request, call an application service, and
/// turn its result into a response or an RFC 9457 problem. The Azure Functions app exposes the same routes through the
/// same services. Who may call what is <see cref="AccessPolicies"/>: every endpoint names its policy or is anonymous,
/// and the group requires an authenticated caller, so an endpoint added without a policy is not open.
/// </summary>
public static class PermitApi
{
    public const string OpenApiPath = "/api/openapi.json";

    public static IEndpointRouteBuilder MapPermitApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder api = endpoints.MapGroup("/api");
        api.RequireAuthorization();
        api.RequireRateLimiting(CallerRateLimits.Requests).ProducesProblem(StatusCodes.Status429TooManyRequests);

        RouteGroupBuilder applications = api.MapGroup("/applications").WithTags("Applications");
        applications.MapPost("/", SubmitAsync)
            .WithName("SubmitApplication")
            .RequireRoles(AccessPolicies.Employers)
            .RequireRateLimiting(CallerRateLimits.Submissions)
            .WithSummary("Submit an application, or a renewal naming the grant it renews (renews); idempotent per applicant and submission id (409 with Retry-After while an earlier request with the same id is still registering it).")
            .Accepts<SubmitApplicationRequest>("application/json")
            .Produces<SubmissionAccepted>(StatusCodes.Status202Accepted)
            .Produces<SubmissionAccepted>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(RetriesWhileRegistering.Instance);
        applications.MapGet("/{id}", GetAsync)
            .WithName("GetApplication")
            .RequireRoles(AccessPolicies.ApplicationReaders)
            .WithSummary("Stage, SLA state, due date, pauses, federal leg, decision and timeline of an application.")
            .Produces<ApplicationStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapGet("/{id}/overview", GetOverviewAsync)
            .WithTags("Caseworkers")
            .WithName("GetOverview")
            .RequireRoles(AccessPolicies.CaseReaders)
            .WithSummary("The caseworker's one-view (§2.9): the application, its documents, the authentic sources with source and retrieval time, admissibility findings, rule results, fraud signals and third parties.")
            .Produces<OverviewView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapPost("/{id}/third-party-requests", RequestThirdPartyAsync)
            .WithTags("Caseworkers")
            .WithName("RequestThirdParty")
            .RequireRoles(AccessPolicies.Caseworkers)
            .WithSummary("Ask a third party: document authentication when in doubt (§2.1, art. 63 BVR) or screening advice on a minister (§2.7); a wait with a deadline.")
            .Accepts<ThirdPartyRequestRequest>("application/json")
            .CommandResponses();
        applications.MapPost("/{id}/third-party-requests/{requestId}/answer", AnswerThirdPartyAsync)
            .WithTags("Caseworkers")
            .WithName("AnswerThirdParty")
            .RequireRoles(AccessPolicies.Caseworkers)
            .WithSummary("Record a third party's answer (authentic / false / inconclusive; favourable / unfavourable).")
            .Accepts<ThirdPartyAnswerRequest>("application/json")
            .CommandResponses();
        applications.MapGet("/{id}/letter", GetLetterAsync)
            .WithName("GetDecisionLetter")
            .RequireRoles(AccessPolicies.ApplicationReaders)
            .WithSummary("The decision letter kept with the dossier, as a download: a PDF in Dutch with its English translation (a case decided before the PDF letters keeps its plain-text letter, served as stored).")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapPost("/{id}/documents", SupplyDocumentsAsync)
            .WithName("SupplyDocuments")
            .RequireRoles(AccessPolicies.Employers)
            .RequireRateLimiting(CallerRateLimits.Submissions)
            .WithSummary("Supply documents: missing ones, or the answer to an information request (requestId names it). The same batch again is answered from its record (200).")
            .Accepts<SupplyDocumentsRequest>("application/json")
            .CommandResponses();
        applications.MapPost("/{id}/payments", PayAsync)
            .WithName("PayFee")
            .RequireRoles(AccessPolicies.Employers)
            .WithSummary("Start paying the fee (§2.5) at the payment service provider: answers the checkout to pay at; the provider's signed callback confirms the payment.")
            .Accepts<PaymentRequest>("application/json")
            .CommandResponses();
        applications.MapPost("/{id}/withdrawal", WithdrawAsync)
            .WithName("WithdrawApplication")
            .RequireRoles(AccessPolicies.Employers)
            .WithSummary("The applicant withdraws the application before the decision; one withdrawal per application.")
            .Accepts<WithdrawalRequest>("application/json")
            .CommandResponses();
        applications.MapPost("/{id}/corrections", CorrectAsync)
            .WithName("CorrectApplication")
            .RequireRoles(AccessPolicies.Employers)
            .WithSummary("The applicant corrects the application before the decision: each section given replaces the one filed; earlier versions are kept.")
            .Accepts<CorrectionRequest>("application/json")
            .CommandResponses();
        applications.MapPost("/{id}/information-requests", RequestInformationAsync)
            .WithTags("Caseworkers")
            .WithName("RequestInformation")
            .RequireRoles(AccessPolicies.Caseworkers)
            .WithSummary("The caseworker asks the applicant for information; the SLA clock pauses until the answer (documents) or the deadline. Beyond the policy's limit a request waits for a manager's consent.")
            .Accepts<InformationRequestRequest>("application/json")
            .CommandResponses();
        applications.MapPost("/{id}/information-requests/{requestId}/consent", ConsentAsync)
            .WithTags("Managers")
            .WithName("ConsentToInformationRequest")
            .RequireRoles(AccessPolicies.Managers)
            .WithSummary("A manager grants (the request is sent) or denies (it is rejected with the reason) an information request held for consent.")
            .Accepts<InformationConsentRequest>("application/json")
            .CommandResponses();
        applications.MapPost("/{id}/decision", DecideAsync)
            .WithTags("Caseworkers")
            .WithName("Decide")
            .RequireRoles(AccessPolicies.Caseworkers)
            .WithSummary("The caseworker's decision: approve, or refuse on named grounds; the motivation is kept in the dossier only. One decision per application, whatever its id (409 for the second).")
            .Accepts<DecisionRequest>("application/json")
            .CommandResponses();
        applications.MapGet("/{id}/commands", GetCommandsAsync)
            .WithTags("Caseworkers")
            .WithName("GetCommands")
            .RequireRoles(AccessPolicies.CaseReaders)
            .WithSummary("Every command received for the application, who sent it, and its fate (pending, accepted, rejected with the reason, awaiting consent).")
            .Produces<IReadOnlyList<CommandView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapGet("/{id}/commands/{kind}/{commandId}", GetCommandAsync)
            .WithName("GetCommand")
            .RequireRoles(AccessPolicies.ApplicationReaders)
            .WithSummary("One command's fate; the applicant reaches its own kinds of command (documents, payment, payment-event, withdrawal, correction).")
            .Produces<CommandView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/worklist", AssignmentApi.WorklistAsync)
            .WithTags("Caseworkers")
            .WithName("GetWorklist")
            .RequireRoles(AccessPolicies.CaseworkersAndManagers)
            .WithSummary("Open caseworker decisions, nearest due date first, a page at a time (pageSize up to 200; continuation from the previous page); view=mine, unassigned or all (the default); each item with its assignee.")
            .WithDescription(
                "The list is live, not a snapshot: a file whose due date moves while the pages are read (the clock's pause ends when the "
                + "applicant answers an information request) can be met again on a later page, or passed over until the next read from the first page. "
                + "Show an application id once, at the place it was last met.")
            .Produces<WorklistPage>()
            .WithMetadata(QueryParameter.PageSize, QueryParameter.Continuation, AssignmentApi.ViewParameter);
        api.MapSessionApi();
        api.MapAssignmentApi(); // claims, releases, assignments, caseworkers: Http/AssignmentApi.cs
        api.MapDocumentApi(); // the dossier's documents, listed and read: Http/DocumentApi.cs
        api.MapDashboardApi(); // the managers' dashboard: Http/DashboardApi.cs
        api.MapWorkerApi(); // the worker's own applications, letters and data export: Http/WorkerApi.cs
        api.MapApplicantApplications();
        api.MapReportApi(); // misuse reports (§2.8): Http/ReportApi.cs
        api.MapInspectionApi(); // ex-post controls: Http/InspectionApi.cs
        api.MapWithdrawalApi(); // withdrawals after a fraud finding (§2.1): Http/WithdrawalApi.cs
        api.MapRecognitionApi(); // regulated professions (§2.6): Http/RecognitionApi.cs
        api.MapGet("/decision-grounds", GetDecisionGrounds)
            .WithTags("Caseworkers")
            .WithName("GetDecisionGrounds")
            .AllowAnonymous()
            .WithSummary("The closed list of named refusal grounds (§2.1).")
            .Produces<IReadOnlyList<DecisionGround>>();

        // The exclusion registry (§2.1), four-eyes: proposals (exclusion, lift, correction) apply once a second person confirms them.
        RouteGroupBuilder exclusions = api.MapGroup("/exclusions").WithTags("Exclusion registry");
        exclusions.MapGet("/", GetExclusionsAsync)
            .WithName("GetExclusions")
            .RequireRoles(AccessPolicies.CaseReaders)
            .WithSummary("Employers and directors excluded from the procedure after earlier violations (§2.1), in id order, a page at a time (pageSize up to 200, default 50; continuation from the previous page).")
            .Produces<ExclusionPage>()
            .ProducesValidationProblem()
            .WithMetadata(QueryParameter.PageSize, QueryParameter.Continuation);
        exclusions.MapGet("/{exclusionId}", GetExclusionAsync)
            .WithName("GetExclusion")
            .RequireRoles(AccessPolicies.CaseReaders)
            .WithSummary("An exclusion: the party (a director's INSZ or BIS number from the dossier store), its status, whether it bars an application submitted now, its terms, pending changes and its history (who proposed and confirmed what, when).")
            .Produces<ExclusionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        exclusions.MapPost("/", ProposeExclusionAsync)
            .WithName("ProposeExclusion")
            .RequireRoles(AccessPolicies.ExclusionWriters)
            .WithSummary("Propose an exclusion of an employer (KBO number) or a director (INSZ or BIS number); in force once another manager or inspector confirms it. Idempotent by exclusion id.")
            .Accepts<ExclusionRequest>("application/json")
            .Produces<ExclusionReceipt>(StatusCodes.Status202Accepted)
            .Produces<ExclusionReceipt>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        exclusions.MapPost("/{exclusionId}/confirm", ConfirmExclusionAsync)
            .WithName("ConfirmExclusion")
            .RequireRoles(AccessPolicies.ExclusionWriters)
            .WithSummary("Confirm a proposed exclusion as a second person (four eyes: its author gets 409); from then on it bars applications on the dates it covers.")
            .Produces<ExclusionReceipt>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        exclusions.MapPost("/{exclusionId}/lift", LiftExclusionAsync)
            .WithName("LiftExclusion")
            .RequireRoles(AccessPolicies.ExclusionWriters)
            .WithSummary("Propose to lift a confirmed exclusion, with a reason code and the decision reference; lifted once another person confirms the change. Idempotent by change id.")
            .Accepts<ExclusionLiftRequest>("application/json")
            .Produces<ExclusionReceipt>(StatusCodes.Status202Accepted)
            .Produces<ExclusionReceipt>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        exclusions.MapPost("/{exclusionId}/corrections", CorrectExclusionAsync)
            .WithName("CorrectExclusion")
            .RequireRoles(AccessPolicies.ExclusionWriters)
            .WithSummary("Propose a correction of a confirmed exclusion: its terms as they should read (e.g. a new until-date or reason code); applies once another person confirms the change. Idempotent by change id.")
            .Accepts<ExclusionCorrectionRequest>("application/json")
            .Produces<ExclusionReceipt>(StatusCodes.Status202Accepted)
            .Produces<ExclusionReceipt>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        exclusions.MapPost("/{exclusionId}/changes/{changeId}/confirm", ConfirmExclusionChangeAsync)
            .WithName("ConfirmExclusionChange")
            .RequireRoles(AccessPolicies.ExclusionWriters)
            .WithSummary("Confirm a proposed lift or correction as a second person (four eyes: its author gets 409).")
            .Produces<ExclusionReceipt>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/federal/decisions", FederalMessageAsync)
            .WithTags("Federal office")
            .WithName("ReceiveFederalMessage")
            .AllowAnonymous()
            .WithSummary("Webhook for the federal office, signed with HMAC-SHA256 over timestamp and body: acknowledgements, information requests and decisions; same handling as the federal-decisions queue.")
            .Accepts<Orchestrations.Contracts.FederalInboundMessage>("application/json")
            .Produces<FederalHandlingResult>(StatusCodes.Status202Accepted)
            .Produces<FederalHandlingResult>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(
                new SignedWebhook(FederalWebhookSignature.TimestampHeader, FederalWebhookSignature.SignatureHeader, "the federal office", $"{FederalWebhookSettings.Section}:Secret"),
                RetriesWhileRegistering.Instance);

        api.MapPost("/payments/provider-events", PaymentEventAsync)
            .WithTags("Payment provider")
            .WithName("ReceivePaymentEvent")
            .AllowAnonymous()
            .WithSummary("Callback of the payment service provider, signed with HMAC-SHA256 over timestamp and body: a payment succeeded, failed or was reversed. The only way a fee becomes paid.")
            .Accepts<PaymentEvent>("application/json")
            .Produces<PaymentEventResult>(StatusCodes.Status202Accepted)
            .Produces<PaymentEventResult>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new SignedWebhook(PaymentCallbacks.TimestampHeader, PaymentCallbacks.SignatureHeader, "the payment service provider", $"{PaymentProviderSettings.Section}:WebhookSecret"));

        RouteGroupBuilder sla = api.MapGroup("/sla").WithTags("Managers");
        sla.MapGet("/peak-periods", GetPeakPeriodsAsync)
            .WithName("GetPeakPeriods")
            .RequireRoles(AccessPolicies.CaseworkersAndManagers)
            .WithSummary("The declared peak periods.")
            .Produces<PeakPeriodList>();
        sla.MapPut("/peak-periods", ReplacePeakPeriodsAsync)
            .WithName("ReplacePeakPeriods")
            .RequireRoles(AccessPolicies.Managers)
            .WithSummary("Declare the peak periods (replaces the list); standard files submitted inside one get 45 days.")
            .Accepts<PeakPeriodsRequest>("application/json")
            .Produces<PeakPeriodList>()
            .ProducesValidationProblem();
        api.MapGet("/alerts", GetAlertsAsync)
            .WithTags("Managers")
            .WithName("GetAlerts")
            .RequireRoles(AccessPolicies.Managers)
            .WithSummary("SLA and deadline alerts as delivered to their audience, once each: newest first, a page at a time, or all of one application (applicationId).")
            .Produces<AlertPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(QueryParameter.PageSize, QueryParameter.Continuation, QueryParameter.ApplicationFilter);
        api.MapOperationsApi();

        return endpoints;
    }

    /// <summary>The body of a 202 or 200 to a submission: where to follow it, and the fee due (amount, reference, deadline, how to pay).</summary>
    public sealed record SubmissionAccepted(string ApplicationId, string StatusUrl, bool Repeated, FeeView Fee);

    // The handlers below are public so the Azure Functions app calls the very same code from its HTTP triggers.

    public static async Task<IResult> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, SubmissionService submissions, IDocumentStaging staging, IOptions<WorkflowSettings> settings, CancellationToken cancellationToken)
    {
        ApplicantScope applicants = ApplicantScope.Of(user, AccessPolicies.Employers);
        if (applicants.IsNone)
        {
            return Problems.Forbidden(AccessProblems.ForeignApplicant);
        }

        // Documents are staged as the body streams in; whatever the submission did not keep is discarded before the answer.
        await using var uploads = new DocumentUploads(staging);
        (SubmitApplicationRequest? body, IResult? problem) = await JsonBody.ReadAsync<SubmitApplicationRequest>(
            request, settings.Value.MaxRequestBytes, uploads, cancellationToken, SubmitApplicationRequest.RetiredMembers);
        if (body is null)
        {
            return problem!;
        }

        SubmissionResult result = await submissions.SubmitAsync(body with { Documents = uploads.Attach(body.Documents) }, applicants, cancellationToken, Actor.Of(user, AccessPolicies.Employers));
        return result.Status switch
        {
            SubmissionStatus.Accepted => TypedResults.Accepted(
                ApplicationQueries.StatusUrl(result.ApplicationId!),
                new SubmissionAccepted(result.ApplicationId!, ApplicationQueries.StatusUrl(result.ApplicationId!), Repeated: false, result.Fee!)),
            SubmissionStatus.Repeated => TypedResults.Ok(
                new SubmissionAccepted(result.ApplicationId!, ApplicationQueries.StatusUrl(result.ApplicationId!), Repeated: true, result.Fee!)),
            SubmissionStatus.Conflict => Problems.Conflict(
                $"This submission id was already used by this applicant with different content (application {result.ApplicationId}). Use a new submission id for a new application."),
            SubmissionStatus.Forbidden => Problems.Forbidden(AccessProblems.ForeignApplicant),
            SubmissionStatus.NotRenewable => Problems.Unprocessable(result.Reason!),
            SubmissionStatus.RenewalConflict => Problems.Conflict(result.Reason!),
            SubmissionStatus.Registering => Problems.StillRegistering(
                $"Application {result.ApplicationId} is still being registered by an earlier request with this submission id. Submit it again (the same body) after the Retry-After interval.",
                result.RetryAfter!.Value),
            _ => Problems.Validation(result.Errors!),
        };
    }

    /// <summary>The status: the whole record for staff, the applicant's own procedure for the applicant (<see cref="TimelineAudiences"/>).</summary>
    public static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, ApplicationQueries queries, ApplicantAccess access, CancellationToken cancellationToken)
    {
        if (!await MayAccessAsync(id, user, AccessPolicies.ApplicationReaders, access, cancellationToken))
        {
            return Problems.NoApplication(id);
        }

        Audience reader = TimelineAudiences.Of(user);
        ApplicationStatus? view = reader == Audience.Applicant
            ? await queries.GetForApplicantAsync(id, cancellationToken)
            : await queries.GetAsync(id, reader, cancellationToken);
        return view is null ? Problems.NoApplication(id) : TypedResults.Ok(view);
    }

    /// <summary>
    /// The decision letter as a download: the PDF (or, for a case decided before the PDFs, its text letter) with its
    /// stored content type, a file name, <c>nosniff</c> and a sandbox, kept by no cache (it holds names).
    /// </summary>
    public static async Task<IResult> GetLetterAsync(
        string id, HttpContext http, ClaimsPrincipal user, ApplicationQueries queries, ApplicantAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(queries);
        if (!await MayAccessAsync(id, user, AccessPolicies.ApplicationReaders, access, cancellationToken)
            || await queries.LetterAsync(id, cancellationToken) is not { } stored)
        {
            return Problems.NotFound($"There is no decision letter for application {Shorten(id)} (yet).");
        }

        return LetterResult(http, id, stored);
    }

    /// <summary>A stored letter as a download: its stored content type, sandboxed, never cached, named after the application.</summary>
    public static IResult LetterResult(HttpContext http, string id, (string Name, Orchestrations.Ports.LetterFile Letter) stored)
    {
        ArgumentNullException.ThrowIfNull(http);
        IHeaderDictionary headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = DocumentApi.ContentSecurityPolicy;
        headers.CacheControl = "private, no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.File(stored.Letter.Content.ToArray(), stored.Letter.ContentType, $"{id}-{stored.Name}");
    }

    /// <summary>The one-view; the read is audited with who read it.</summary>
    public static async Task<IResult> GetOverviewAsync(string id, HttpContext http, ClaimsPrincipal user, ApplicationQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        OverviewView? view = ApplicationIds.IsWellFormed(id)
            ? await queries.OverviewAsync(id, Actor.Of(user, AccessPolicies.CaseReaders), ReadId(http), cancellationToken)
            : null;
        return view is null ? Problems.NoApplication(id) : TypedResults.Ok(view);
    }

    public static async Task<IResult> GetCommandsAsync(string id, ApplicationQueries queries, CancellationToken cancellationToken)
    {
        IReadOnlyList<CommandView>? commands = ApplicationIds.IsWellFormed(id) ? await queries.CommandsAsync(id, cancellationToken) : null;
        return commands is null ? Problems.NoApplication(id) : TypedResults.Ok(commands);
    }

    public static async Task<IResult> GetCommandAsync(string id, string kind, string commandId, ClaimsPrincipal user, ApplicationQueries queries, ApplicantAccess access, CancellationToken cancellationToken)
    {
        CommandView? command = await MayAccessAsync(id, user, AccessPolicies.ApplicationReaders, access, cancellationToken)
            ? await queries.CommandAsync(id, kind, commandId, TimelineAudiences.Of(user), cancellationToken)
            : null;
        return command is null ? Problems.NotFound($"There is no such command on application {Shorten(id)}.") : TypedResults.Ok(command);
    }

    public static Task<IResult> RequestThirdPartyAsync(string id, HttpRequest request, ClaimsPrincipal user, ThirdPartyCommands commands, CancellationToken cancellationToken) =>
        CommandAsync<ThirdPartyRequestRequest>(id, request, SmallBodyBytes, (body, ct) => commands.RequestAsync(id, body, Actor.Of(user, AccessPolicies.Caseworkers), ct), cancellationToken);

    public static Task<IResult> AnswerThirdPartyAsync(string id, string requestId, HttpRequest request, ClaimsPrincipal user, ThirdPartyCommands commands, CancellationToken cancellationToken) =>
        CommandAsync<ThirdPartyAnswerRequest>(id, request, SmallBodyBytes, (body, ct) => commands.AnswerAsync(id, requestId, body, Actor.Of(user, AccessPolicies.Caseworkers), ct), cancellationToken);

    public static async Task<IResult> ProposeExclusionAsync(HttpRequest request, ClaimsPrincipal user, ExclusionCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (Actor.PersonOf(user, AccessPolicies.ExclusionWriters) is not { } by)
        {
            return Problems.Forbidden(UnidentifiedWriter);
        }

        (ExclusionRequest? body, IResult? problem) = await JsonBody.ReadAsync<ExclusionRequest>(request, SmallBodyBytes, cancellationToken);
        return body is null ? problem! : ProposalResult(await commands.ProposeAsync(body, by, cancellationToken));
    }

    public static async Task<IResult> ConfirmExclusionAsync(string exclusionId, ClaimsPrincipal user, ExclusionCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return Actor.PersonOf(user, AccessPolicies.ExclusionWriters) is { } by
            ? ToResult(await commands.ConfirmAsync(exclusionId, by, cancellationToken), ok: true)
            : Problems.Forbidden(UnidentifiedWriter);
    }

    public static async Task<IResult> LiftExclusionAsync(string exclusionId, HttpRequest request, ClaimsPrincipal user, ExclusionCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (Actor.PersonOf(user, AccessPolicies.ExclusionWriters) is not { } by)
        {
            return Problems.Forbidden(UnidentifiedWriter);
        }

        (ExclusionLiftRequest? body, IResult? problem) = await JsonBody.ReadAsync<ExclusionLiftRequest>(request, SmallBodyBytes, cancellationToken);
        return body is null ? problem! : ProposalResult(await commands.LiftAsync(exclusionId, body, by, cancellationToken));
    }

    public static async Task<IResult> CorrectExclusionAsync(string exclusionId, HttpRequest request, ClaimsPrincipal user, ExclusionCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (Actor.PersonOf(user, AccessPolicies.ExclusionWriters) is not { } by)
        {
            return Problems.Forbidden(UnidentifiedWriter);
        }

        (ExclusionCorrectionRequest? body, IResult? problem) = await JsonBody.ReadAsync<ExclusionCorrectionRequest>(request, SmallBodyBytes, cancellationToken);
        return body is null ? problem! : ProposalResult(await commands.CorrectAsync(exclusionId, body, by, cancellationToken));
    }

    public static async Task<IResult> ConfirmExclusionChangeAsync(string exclusionId, string changeId, ClaimsPrincipal user, ExclusionCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return Actor.PersonOf(user, AccessPolicies.ExclusionWriters) is { } by
            ? ToResult(await commands.ConfirmChangeAsync(exclusionId, changeId, by, cancellationToken), ok: true)
            : Problems.Forbidden(UnidentifiedWriter);
    }

    const string UnidentifiedWriter = "A change to the exclusion registry needs an identified person (a token with a subject): four eyes tell the author from the confirmer.";

    /// <summary>A proposal's result: 202 with the exclusion's address when recorded now, 200 with the first receipt for a repeat, or a problem.</summary>
    static IResult ProposalResult(CommandResult result) =>
        result is { Status: CommandStatus.Accepted, Body: ExclusionReceipt receipt }
            ? TypedResults.Accepted(receipt.ExclusionUrl, receipt)
            : ToResult(result, ok: false);

    /// <summary>Documents are staged while the body is read (never whole in memory); kept when the command is, discarded when the answer is sent.</summary>
    public static async Task<IResult> SupplyDocumentsAsync(
        string id, HttpRequest request, ClaimsPrincipal user, ApplicationCommands commands, ApplicantAccess access, IDocumentStaging staging, IOptions<WorkflowSettings> settings, CancellationToken cancellationToken)
    {
        if (!await MayAccessAsync(id, user, AccessPolicies.Employers, access, cancellationToken))
        {
            return Problems.NoApplication(id);
        }

        await using var uploads = new DocumentUploads(staging);
        (SupplyDocumentsRequest? body, IResult? problem) = await JsonBody.ReadAsync<SupplyDocumentsRequest>(request, settings.Value.MaxRequestBytes, uploads, cancellationToken);
        return body is null
            ? problem!
            : ToResult(await commands.SupplyDocumentsAsync(id, body with { Documents = uploads.Attach(body.Documents) }, Actor.Of(user, AccessPolicies.Employers), cancellationToken), ok: false);
    }

    public static async Task<IResult> PayAsync(string id, HttpRequest request, ClaimsPrincipal user, PaymentCommands commands, ApplicantAccess access, CancellationToken cancellationToken) =>
        await MayAccessAsync(id, user, AccessPolicies.Employers, access, cancellationToken)
            ? await CommandAsync<PaymentRequest>(id, request, SmallBodyBytes, (body, ct) => commands.StartAsync(id, body, Actor.Of(user, AccessPolicies.Employers), ct), cancellationToken)
            : Problems.NoApplication(id);

    public static async Task<IResult> WithdrawAsync(string id, HttpRequest request, ClaimsPrincipal user, ApplicationCommands commands, ApplicantAccess access, CancellationToken cancellationToken) =>
        await MayAccessAsync(id, user, AccessPolicies.Employers, access, cancellationToken)
            ? await CommandAsync<WithdrawalRequest>(id, request, SmallBodyBytes, (body, ct) => commands.WithdrawAsync(id, body, Actor.Of(user, AccessPolicies.Employers), ct), cancellationToken)
            : Problems.NoApplication(id);

    public static async Task<IResult> CorrectAsync(string id, HttpRequest request, ClaimsPrincipal user, ApplicationCommands commands, ApplicantAccess access, CancellationToken cancellationToken) =>
        await MayAccessAsync(id, user, AccessPolicies.Employers, access, cancellationToken)
            ? await CommandAsync<CorrectionRequest>(id, request, SmallBodyBytes, (body, ct) => commands.CorrectAsync(id, body, Actor.Of(user, AccessPolicies.Employers), ct), cancellationToken)
            : Problems.NoApplication(id);

    public static Task<IResult> RequestInformationAsync(string id, HttpRequest request, ClaimsPrincipal user, ApplicationCommands commands, CancellationToken cancellationToken) =>
        CommandAsync<InformationRequestRequest>(id, request, SmallBodyBytes, (body, ct) => commands.RequestInformationAsync(id, body, Actor.Of(user, AccessPolicies.Caseworkers), ct), cancellationToken);

    public static Task<IResult> ConsentAsync(string id, string requestId, HttpRequest request, ClaimsPrincipal user, ApplicationCommands commands, CancellationToken cancellationToken) =>
        CommandAsync<InformationConsentRequest>(id, request, SmallBodyBytes, (body, ct) => commands.ConsentAsync(id, requestId, body, Actor.Of(user, AccessPolicies.Managers), ct), cancellationToken);

    public static Task<IResult> DecideAsync(string id, HttpRequest request, ClaimsPrincipal user, ApplicationCommands commands, CancellationToken cancellationToken) =>
        CommandAsync<DecisionRequest>(id, request, SmallBodyBytes, (body, ct) => commands.DecideAsync(id, body, Actor.Of(user, AccessPolicies.Caseworkers), ct), cancellationToken);

    public static IResult GetDecisionGrounds() => TypedResults.Ok(DecisionGrounds.All);

    public static async Task<IResult> GetExclusionsAsync(string? pageSize, string? continuation, ExclusionQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var errors = new Validation.ValidationErrors();
        return ExclusionQueries.Paging(pageSize, continuation, errors) is { } paging
            ? TypedResults.Ok(await queries.ListAsync(paging, cancellationToken))
            : Problems.Validation(errors);
    }

    public static async Task<IResult> GetExclusionAsync(string exclusionId, ExclusionQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ExclusionView? view = await queries.GetAsync(exclusionId, cancellationToken);
        return view is not null ? TypedResults.Ok(view)
            : Problems.NotFound(ExclusionCommands.IsWellFormedId(exclusionId) ? $"There is no exclusion {exclusionId}." : "There is no exclusion (not an exclusion id).");
    }

    public static async Task<IResult> GetPeakPeriodsAsync(PeakPeriodCommands commands, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PeakPeriodList(await commands.ListAsync(cancellationToken)));

    public static async Task<IResult> GetAlertsAsync(HttpRequest request, IManagerAlertInbox inbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inbox);
        (int? pageSize, string? continuation, IResult? problem) = Paging(request);
        string? applicationId = request.Query["applicationId"];
        if (problem is not null || (applicationId is not null && !ApplicationIds.IsWellFormed(applicationId)))
        {
            return problem ?? Problems.BadRequest("applicationId is not an application id.");
        }

        return TypedResults.Ok(await inbox.ListAsync(applicationId, pageSize ?? ApplicationQueries.DefaultPageSize, continuation, cancellationToken));
    }

    /// <summary>The paging parameters of a list: <c>pageSize</c> (1-200) and <c>continuation</c> (the token the previous page gave).</summary>
    public static (int? PageSize, string? Continuation, IResult? Problem) Paging(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? size = request.Query["pageSize"];
        string? continuation = request.Query["continuation"];
        int? pageSize = null;
        if (size is not null)
        {
            if (!int.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parsed) || parsed is < 1 or > ApplicationQueries.MaxPageSize)
            {
                return (null, null, Problems.BadRequest($"pageSize must be a whole number from 1 to {ApplicationQueries.MaxPageSize}."));
            }

            pageSize = parsed;
        }

        if (continuation is { Length: > 1024 })
        {
            return (null, null, Problems.BadRequest("continuation is not a token this API gave."));
        }

        return (pageSize, continuation, null);
    }

    /// <summary>
    /// The federal webhook: the raw body, bounded, authenticated by its HMAC signature (401 otherwise), then the same
    /// handling as the federal-decisions queue.
    /// </summary>
    public static async Task<IResult> FederalMessageAsync(HttpRequest request, FederalMessageHandler handler, FederalWebhookSignature signature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(signature);
        if (!request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType();
        }

        byte[]? body = await JsonBody.ReadBoundedAsync(request, FederalMessageHandler.MaxMessageBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(FederalMessageHandler.MaxMessageBytes);
        }

        if (signature.Check(body, request.Headers[FederalWebhookSignature.TimestampHeader], request.Headers[FederalWebhookSignature.SignatureHeader]) is string refused)
        {
            return Problems.Unauthorized(refused);
        }

        FederalHandlingResult result = await handler.HandleAsync(body, cancellationToken);
        return result.Handling switch
        {
            FederalHandling.Delivered => TypedResults.Accepted((string?)null, result),
            FederalHandling.RecordedLate or FederalHandling.Duplicate => TypedResults.Ok(result),
            FederalHandling.UnknownApplication => Problems.NotFound(result.Reason),
            FederalHandling.Conflict => Problems.Conflict(result.Reason),
            FederalHandling.Registering => Problems.StillRegistering(result.Reason, CommandResult.RegisteringRetryAfter),
            _ => Problems.BadRequest(result.Reason),
        };
    }

    /// <summary>
    /// The payment provider's callback: the raw body, bounded, authenticated by its HMAC signature (401 otherwise), then
    /// handled: 202 applied to the workflow, 200 recorded (a failure, a refused payment, a repeat), 404 unknown payment.
    /// </summary>
    public static async Task<IResult> PaymentEventAsync(HttpRequest request, PaymentCallbacks callbacks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(callbacks);
        if (!request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType();
        }

        byte[]? body = await JsonBody.ReadBoundedAsync(request, PaymentCallbacks.MaxEventBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(PaymentCallbacks.MaxEventBytes);
        }

        if (callbacks.CheckSignature(body, request.Headers[PaymentCallbacks.TimestampHeader], request.Headers[PaymentCallbacks.SignatureHeader]) is string refused)
        {
            return Problems.Unauthorized(refused);
        }

        PaymentEventResult result = await callbacks.HandleAsync(body, cancellationToken);
        return result.Handling switch
        {
            PaymentEventHandling.Applied => TypedResults.Accepted((string?)null, result),
            PaymentEventHandling.Recorded or PaymentEventHandling.Duplicate => TypedResults.Ok(result),
            PaymentEventHandling.UnknownPayment => Problems.NotFound(result.Reason),
            PaymentEventHandling.Conflict => Problems.Conflict(result.Reason),
            _ => Problems.BadRequest(result.Reason),
        };
    }

    public static async Task<IResult> ReplacePeakPeriodsAsync(HttpRequest request, ClaimsPrincipal user, PeakPeriodCommands commands, CancellationToken cancellationToken)
    {
        (PeakPeriodsRequest? body, IResult? problem) = await JsonBody.ReadAsync<PeakPeriodsRequest>(request, SmallBodyBytes, cancellationToken);
        return body is null ? problem! : ToResult(await commands.ReplaceAsync(body, Actor.Of(user, AccessPolicies.Managers), cancellationToken), ok: true);
    }

    /// <summary>Commands on applications carry a small JSON body, except documents.</summary>
    public const long SmallBodyBytes = 64 * 1024;

    /// <summary>Reads and checks a command's body, runs the command, and turns its result into a response or a problem.</summary>
    public static async Task<IResult> CommandAsync<TBody>(
        string id, HttpRequest request, long maxBytes, Func<TBody, CancellationToken, Task<CommandResult>> command, CancellationToken cancellationToken)
        where TBody : class
    {
        if (!ApplicationIds.IsWellFormed(id))
        {
            return Problems.NoApplication(id);
        }

        (TBody? body, IResult? problem) = await JsonBody.ReadAsync<TBody>(request, maxBytes, cancellationToken);
        return body is null ? problem! : ToResult(await command(body, cancellationToken), ok: false);
    }

    /// <summary>A command's result as HTTP: 202 (or 200 when <paramref name="ok"/>), 200 for a repeat or a recorded refusal, or a problem.</summary>
    public static IResult ToResult(CommandResult result, bool ok) => result.Status switch
    {
        CommandStatus.Accepted when ok => TypedResults.Ok(result.Body),
        CommandStatus.Accepted when result.Body is CommandAnswer answer => TypedResults.Accepted(answer.CommandUrl, answer),
        CommandStatus.Accepted => TypedResults.Accepted((string?)null, result.Body),
        CommandStatus.AlreadyDone or CommandStatus.Recorded => TypedResults.Ok(result.Body),
        CommandStatus.NotFound => Problems.NotFound(result.Detail!),
        CommandStatus.Conflict => Problems.Conflict(result.Detail!),
        CommandStatus.Registering => Problems.StillRegistering(result.Detail!, CommandResult.RegisteringRetryAfter),
        CommandStatus.Unprocessable => Problems.Unprocessable(result.Detail!),
        _ => Problems.Validation(result.Errors!),
    };

    /// <summary>
    /// Whether the id is well formed and the caller may reach that application under <paramref name="policy"/>: staff
    /// always, an employer only its own (<see cref="ApplicantAccess"/>). False is answered as 404, never 403, so an
    /// employer cannot tell another's application from one that does not exist.
    /// </summary>
    static async Task<bool> MayAccessAsync(string id, ClaimsPrincipal user, string policy, ApplicantAccess access, CancellationToken cancellationToken) =>
        ApplicationIds.IsWellFormed(id) && await access.MayAccessAsync(user, policy, id, cancellationToken);

    /// <summary>Ids from the URL are echoed only when they are application ids, so an error never repeats a hostile string (markup, say).</summary>
    static string Shorten(string id) => ApplicationIds.IsWellFormed(id) ? id : "(not an application id)";

    /// <summary>A key for one read's audit row: the request's trace identifier, unique per request.</summary>
    internal static string ReadId(HttpContext http) => $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}-{http.TraceIdentifier}";

    /// <summary>
    /// The answers every command endpoint gives: 202 the first time, 200 for a repeat, and its problems (422, unless
    /// <paramref name="mayNeverFit"/> is false: a command that can never fit the case).
    /// </summary>
    internal static RouteHandlerBuilder CommandResponses(this RouteHandlerBuilder endpoint, bool mayNeverFit = true)
    {
        endpoint
            .Produces<CommandAnswer>(StatusCodes.Status202Accepted)
            .Produces<CommandAnswer>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(RetriesWhileRegistering.Instance);
        return mayNeverFit ? endpoint.ProducesProblem(StatusCodes.Status422UnprocessableEntity) : endpoint;
    }

    /// <summary>
    /// Registers the application services both hosts share, with their settings, and pins the HTTP JSON options to the
    /// workflow's (enums as kebab-case codes, no nulls).
    /// </summary>
    public static IServiceCollection AddPermitApplication(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            foreach (var converter in WorkflowJson.Options.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }

            json.SerializerOptions.DefaultIgnoreCondition = WorkflowJson.Options.DefaultIgnoreCondition;
        });
        services.AddSingleton(sp => new LetterSettings(
            sp.GetRequiredService<IConfiguration>().GetValue("Letters:InfoDeskUrl", new Uri("https://www.yourfutureinflanders.be"))!));
        services.AddOptions<WorkflowSettings>().BindConfiguration(WorkflowSettings.Section);
        services.AddSingleton(Orchestrations.Policy.PolicyCatalog.Embedded);
        services.AddSingleton(Orchestrations.Policy.EligibilityCatalog.Embedded);
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<SubmissionService>();
        services.AddTransient<RenewalCheck>();
        services.AddTransient<ApplicationCommands>();
        services.AddTransient<ApplicationQueries>();
        services.AddTransient<Assignments.AssignmentCommands>();
        services.AddTransient<AssignmentQueries>();
        services.AddTransient<Dashboard.DashboardQueries>();
        services.AddTransient<Workers.WorkerFiles>();
        services.AddTransient<PeakPeriodCommands>();
        services.AddTransient<ThirdPartyCommands>();
        services.AddTransient<ExclusionCommands>();
        services.AddTransient<ExclusionQueries>();
        services.AddTransient<Reports.MisuseReportService>();
        services.AddTransient<Inspections.InspectionQueries>();
        services.AddTransient<Withdrawals.WithdrawalService>();
        services.AddTransient<Withdrawals.WithdrawalAcknowledgements>();
        services.AddTransient<Orchestrations.Ports.IWithdrawalExclusions, Withdrawals.WithdrawalExclusions>();
        services.AddOptions<ExclusionSettings>().BindConfiguration(ExclusionSettings.Section)
            .Validate(settings => settings.HasValidKey, ExclusionSettings.KeyProblem)
            .ValidateOnStart();
        services.AddSingleton<Orchestrations.Ports.IPartyFingerprint, HmacPartyFingerprint>();
        services.AddTransient<FederalMessageHandler>();
        services.AddTransient<CommandGate>();
        services.TryAddTransient<IWorkflowEvents, DurableWorkflowEvents>(); // a host (or a test) may bring its own
        services.AddTransient<PaymentCommands>();
        services.AddTransient<PaymentCallbacks>();
        services.AddOptions<PaymentProviderSettings>().BindConfiguration(PaymentProviderSettings.Section);
        services.AddOptions<FederalWebhookSettings>().BindConfiguration(FederalWebhookSettings.Section);
        services.AddSingleton<FederalWebhookSignature>();
        services.AddProblemDetails();

        // Kestrel's own body limit (30,000,000 bytes by default) is the largest body the API accepts; each endpoint
        // lowers it for its requests (JsonBody), so a body over it is refused as it streams in.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<WorkflowSettings>>(
            (kestrel, workflow) => kestrel.Limits.MaxRequestBodySize = workflow.Value.MaxRequestBytes);

        // Access control (AccessPolicies): the same named policies in both hosts; the local host authenticates bearer
        // tokens, the Functions app maps App Service authentication's principal, and both evaluate these.
        services.AddAuthorization(AccessPolicies.Register);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddTransient<ApplicantAccess>();
        services.AddSingleton<ApplicationOwners>();
        services.AddCallerRateLimits();
        return services;
    }
}
