using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Http.OpenApi;
using Workflow.Application.Reports;
using Workflow.Orchestrations.Reports;

namespace Workflow.Application.Http;

/// <summary>
/// Misuse reports (concept note §2.8; a public endpoint is an addition to the note): anyone reports and follows the
/// report by its reference; inspectors read their inspection's queue, forward and close (<see cref="MisuseReportService"/>).
/// Everything under <c>/api/reports</c> is public and everything inspectors do is under <c>/api/inspections/reports</c>,
/// so App Service authentication can leave the first prefix open (its excluded paths are prefixes) and guard the second.
/// Registered by <see cref="PermitApi.MapPermitApi"/> under its <c>/api</c> group; the Functions app calls the same handlers.
/// </summary>
public static class ReportApi
{
    const string Unidentified = "Acting on a report needs an identified person (a token with a subject): the action is kept with who took it.";

    /// <summary>The queue's <c>inspection</c>, for the OpenAPI document.</summary>
    public static QueryParameter InspectionParameter { get; } = new(
        "inspection", "Whose queue: `social` (the Flemish social inspection) or `housing` (the housing inspection).");

    public static RouteGroupBuilder MapReportApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        RouteGroupBuilder reports = api.MapGroup("/reports").WithTags("Misuse reports");
        reports.MapPost("/", SubmitAsync)
            .WithName("SubmitMisuseReport")
            .AllowAnonymous()
            .RequireRateLimiting(CallerRateLimits.Submissions)
            .WithSummary("Report misuse of the scheme (§2.8), with or without a token: an employer's KBO number and/or the worker's situation, the signals (underpayment, unpaid-hours, unauthorised-work, overcrowded-housing, unsafe-housing), a description, optionally a contact (kept apart, read by inspectors only). Idempotent by report id. The answer's reference follows the report; keep it secret.")
            .Accepts<MisuseReportRequest>("application/json")
            .Produces<ReportReceipt>(StatusCodes.Status202Accepted)
            .Produces<ReportReceipt>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        reports.MapGet("/{reference}", GetStatusAsync)
            .WithName("GetMisuseReportStatus")
            .AllowAnonymous()
            .WithSummary("Follow a report by its reference (the reference is the secret): its state only (received, with the social and/or housing inspection, closed) and whether it was forwarded; never who handles it or what was found.")
            .Produces<ReportStatusView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        RouteGroupBuilder inspections = api.MapGroup("/inspections/reports").WithTags("Misuse reports");
        inspections.MapPost("/{reference}/forward", ForwardAsync)
            .WithName("ForwardMisuseReport")
            .RequireRoles(AccessPolicies.Inspectors)
            .WithSummary("Pass a report from one inspection to the other, with the reason; kept with who and why. 409 unless the inspection named holds it open. Idempotent by action id.")
            .Accepts<ForwardReportRequest>("application/json")
            .ActionResponses();
        inspections.MapPost("/{reference}/close", CloseAsync)
            .WithName("CloseMisuseReport")
            .RequireRoles(AccessPolicies.Inspectors)
            .WithSummary("Close a report for an inspection with an outcome (substantiated, unsubstantiated, insufficient-information, duplicate) and an optional note; kept with who. 409 unless the inspection holds it open. Idempotent by action id.")
            .Accepts<CloseReportRequest>("application/json")
            .ActionResponses();
        inspections.MapGet("/", GetQueueAsync)
            .WithName("GetInspectionReports")
            .RequireRoles(AccessPolicies.Inspectors)
            .WithSummary("An inspection's queue: the reports it holds open, oldest first (at most 200), each with what was reported, the named employer's applications, the reporter's contact (if given) and every action with who took it and why.")
            .Produces<InspectionWorklist>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(InspectionParameter);
        return api;
    }

    /// <param name="user">The caller: a signed-in reporter is kept with the report (apart from it), an anonymous one is not.</param>
    public static async Task<IResult> SubmitAsync(HttpRequest request, ClaimsPrincipal user, MisuseReportService reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(reports);
        (MisuseReportRequest? body, IResult? problem) = await JsonBody.ReadAsync<MisuseReportRequest>(request, PermitApi.SmallBodyBytes, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        Actor? reporter = user.Identity?.IsAuthenticated == true ? Actor.Of(user, AccessPolicies.AnyRole) : null;
        CommandResult result = await reports.SubmitAsync(body, reporter, cancellationToken);
        return result is { Status: CommandStatus.Accepted, Body: ReportReceipt receipt }
            ? TypedResults.Accepted(receipt.StatusUrl, receipt)
            : PermitApi.ToResult(result, ok: false);
    }

    public static async Task<IResult> GetStatusAsync(string reference, MisuseReportService reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ReportStatusView? view = await reports.StatusAsync(reference, cancellationToken);
        return view is null ? NoReport() : TypedResults.Ok(view);
    }

    public static async Task<IResult> ForwardAsync(string reference, HttpRequest request, ClaimsPrincipal user, MisuseReportService reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (Actor.PersonOf(user, AccessPolicies.Inspectors) is not { } actor)
        {
            return Problems.Forbidden(Unidentified);
        }

        (ForwardReportRequest? body, IResult? problem) = await JsonBody.ReadAsync<ForwardReportRequest>(request, PermitApi.SmallBodyBytes, cancellationToken);
        return body is null ? problem! : ActionResult(await reports.ForwardAsync(reference, body, actor, cancellationToken));
    }

    public static async Task<IResult> CloseAsync(string reference, HttpRequest request, ClaimsPrincipal user, MisuseReportService reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (Actor.PersonOf(user, AccessPolicies.Inspectors) is not { } actor)
        {
            return Problems.Forbidden(Unidentified);
        }

        (CloseReportRequest? body, IResult? problem) = await JsonBody.ReadAsync<CloseReportRequest>(request, PermitApi.SmallBodyBytes, cancellationToken);
        return body is null ? problem! : ActionResult(await reports.CloseAsync(reference, body, actor, cancellationToken));
    }

    public static async Task<IResult> GetQueueAsync(HttpRequest request, MisuseReportService reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reports);
        StringValues values = request.Query["inspection"];
        Inspection? inspection = values.Count == 1 ? ReportValidation.InspectionOf(values[0]) : null;
        return inspection is null
            ? Problems.BadRequest("inspection must be social or housing.")
            : TypedResults.Ok(await reports.QueueAsync(inspection.Value, cancellationToken));
    }

    static IResult ActionResult(CommandResult result) =>
        result.Status == CommandStatus.NotFound ? NoReport() : PermitApi.ToResult(result, ok: false);

    static IResult NoReport() => Problems.NotFound("There is no report with this reference.");

    static RouteHandlerBuilder ActionResponses(this RouteHandlerBuilder endpoint) =>
        endpoint
            .Produces<ReportActionAnswer>(StatusCodes.Status202Accepted)
            .Produces<ReportActionAnswer>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
