using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Http.OpenApi;
using Workflow.Application.Queries;
using Workflow.Application.Recognition;
using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Http;

/// <summary>
/// Regulated professions (§2.6; the follow-up is an addition to the note): the follow-up of a grant to a nurse awaiting
/// recognition, read by the application's readers (the employer its own, without the internal notes), its outcomes
/// recorded by caseworkers and managers, and the open follow-ups nearest due first. Registered by
/// <see cref="PermitApi.MapPermitApi"/> under <c>/api</c>; the Functions app calls the same handlers.
/// </summary>
public static class RecognitionApi
{
    public const string Tag = "Regulated professions";

    const string Unidentified = "Recording an outcome needs an identified person (a token with a subject): it is kept with who recorded it.";

    public static RouteGroupBuilder MapRecognitionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        RouteGroupBuilder applications = api.MapGroup("/applications").WithTags(Tag);
        applications.MapGet("/{id}/recognition", GetFollowUpAsync)
            .WithName("GetRecognitionFollowUp")
            .RequireRoles(AccessPolicies.ApplicationReaders)
            .WithSummary("The recognition follow-up of a grant to a nurse awaiting recognition (§2.6): stage (awaiting-recognition, awaiting-care-visa, done, recognition-refused, care-visa-refused) and due date; staff also see whether it is overdue, the term, the alerts fired and each recorded outcome with its reason and who recorded it. 404 when the grant has none.")
            .Produces<RecognitionFollowUpView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapPost("/{id}/recognition/naric-outcome", RecordNaricOutcomeAsync)
            .WithName("RecordNaricOutcome")
            .RequireRoles(AccessPolicies.CaseworkersAndManagers)
            .WithSummary("Record NARIC's outcome on the diploma: recognised (the care visa is awaited next), refused (the follow-up closes; what follows for the authorisation is the caseworker's call), or term-extended (from 60 to 120 days, once, with a reason). Idempotent by command id; 409 with the reason when the follow-up is not awaiting the recognition.")
            .Accepts<NaricOutcomeRequest>("application/json")
            .CommandResponses(mayNeverFit: false);
        applications.MapPost("/{id}/recognition/care-visa-outcome", RecordCareVisaOutcomeAsync)
            .WithName("RecordCareVisaOutcome")
            .RequireRoles(AccessPolicies.CaseworkersAndManagers)
            .WithSummary("Record the federal health service's outcome on the care visa: granted (done: the worker may work as a nurse) or refused (the follow-up closes; what follows is the caseworker's call). Idempotent by command id; 409 with the reason when the follow-up is not awaiting the visa.")
            .Accepts<CareVisaOutcomeRequest>("application/json")
            .CommandResponses(mayNeverFit: false);
        api.MapGet("/recognition-follow-ups", GetOpenFollowUpsAsync)
            .WithTags(Tag)
            .WithName("GetRecognitionFollowUps")
            .RequireRoles(AccessPolicies.CaseworkersAndManagers)
            .WithSummary("The open recognition follow-ups, nearest due date first, each with its stage, due date and whether it is overdue, a page at a time (pageSize up to 200; continuation from the previous page).")
            .Produces<RecognitionWorkPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(QueryParameter.PageSize, QueryParameter.Continuation);
        return api;
    }

    public static async Task<IResult> GetFollowUpAsync(
        string id, ClaimsPrincipal user, RecognitionQueries queries, ApplicantAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(access);
        if (!ApplicationIds.IsWellFormed(id) || !await access.MayAccessAsync(user, AccessPolicies.ApplicationReaders, id, cancellationToken))
        {
            return Problems.NoApplication(id);
        }

        bool staff = TimelineAudiences.Of(user) != Audience.Applicant;
        RecognitionFollowUpView? view = await queries.ViewAsync(id, staff, cancellationToken);
        return view is null ? Problems.NotFound($"Application {id} has no recognition follow-up (only a grant to a nurse awaiting recognition has one).") : TypedResults.Ok(view);
    }

    public static Task<IResult> RecordNaricOutcomeAsync(string id, HttpRequest request, ClaimsPrincipal user, RecognitionCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return Actor.PersonOf(user, AccessPolicies.CaseworkersAndManagers) is { } by
            ? PermitApi.CommandAsync<NaricOutcomeRequest>(id, request, PermitApi.SmallBodyBytes, (body, ct) => commands.RecordNaricOutcomeAsync(id, body, by, ct), cancellationToken)
            : Task.FromResult(Problems.Forbidden(Unidentified));
    }

    public static Task<IResult> RecordCareVisaOutcomeAsync(string id, HttpRequest request, ClaimsPrincipal user, RecognitionCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return Actor.PersonOf(user, AccessPolicies.CaseworkersAndManagers) is { } by
            ? PermitApi.CommandAsync<CareVisaOutcomeRequest>(id, request, PermitApi.SmallBodyBytes, (body, ct) => commands.RecordCareVisaOutcomeAsync(id, body, by, ct), cancellationToken)
            : Task.FromResult(Problems.Forbidden(Unidentified));
    }

    public static async Task<IResult> GetOpenFollowUpsAsync(HttpRequest request, RecognitionQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        (int? pageSize, string? continuation, IResult? problem) = PermitApi.Paging(request);
        return problem ?? TypedResults.Ok(await queries.ListOpenAsync(pageSize ?? ApplicationQueries.DefaultPageSize, continuation, cancellationToken));
    }
}
