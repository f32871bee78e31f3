using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Queries;
using Workflow.Application.Withdrawals;

namespace Workflow.Application.Http;

/// <summary>
/// The withdrawal of a granted work authorisation after a fraud finding (§2.1, <see cref="WithdrawalService"/>): an
/// inspector files the finding under <c>/api/inspections</c>; the withdrawal is read, answered (the employer, its own
/// only) and decided (the caseworker) under <c>/api/withdrawals</c>. Registered by <see cref="PermitApi.MapPermitApi"/>
/// under <c>/api</c>; the Functions app calls the same handlers. An employer asking for another's withdrawal gets 404,
/// as for one that does not exist.
/// </summary>
public static class WithdrawalApi
{
    public const string Tag = "Withdrawals";

    const string Unidentified = "A finding or a decision needs an identified person (a token with a subject): it is kept with who filed or took it, and an exclusion it proposes needs a second person to confirm.";

    public static RouteGroupBuilder MapWithdrawalApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/inspections/findings", FileFindingAsync)
            .WithTags(Tag)
            .WithName("FileFinding")
            .RequireRoles(AccessPolicies.Inspectors)
            .WithSummary("Record a finding on a granted work authorisation (§2.1): the authorisation (the application that granted it), the ground it supports, evidence references; starts its withdrawal, where the employer is heard first. 404 for an authorisation the register does not hold, 409 for one withdrawn, no longer in force or under another withdrawal. Idempotent by finding id.")
            .Accepts<FindingRequest>("application/json")
            .Produces<WithdrawalReceipt>(StatusCodes.Status202Accepted)
            .Produces<WithdrawalReceipt>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        RouteGroupBuilder withdrawals = api.MapGroup("/withdrawals").WithTags(Tag);
        withdrawals.MapGet("/{withdrawalId}", GetAsync)
            .WithName("GetWithdrawal")
            .RequireRoles(AccessPolicies.ApplicationReaders)
            .WithSummary("A withdrawal: staff read all of it (the finding, the hearing, the decision with who took it, the federal office, the exclusions proposed, every command, the history); its employer reads the ground cited, the hearing with its answer, the decision once taken and the letters, never the finding.")
            .Produces<WithdrawalView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        withdrawals.MapGet("/{withdrawalId}/letters/{letter}", GetLetterAsync)
            .WithName("GetWithdrawalLetter")
            .RequireRoles(AccessPolicies.ApplicationReaders)
            .WithSummary("A letter of the withdrawal once written, in Dutch with an English translation: hearing-invitation or withdrawal-decision.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        withdrawals.MapPost("/{withdrawalId}/hearing-response", RespondAsync)
            .WithName("RespondToHearing")
            .RequireRoles(AccessPolicies.Employers)
            .WithSummary("The employer's answer to the hearing, before its deadline; one answer per withdrawal (409 for another, or after the deadline). Idempotent by response id.")
            .Accepts<HearingResponseRequest>("application/json")
            .CommandResponses();
        withdrawals.MapPost("/{withdrawalId}/decision", DecideAsync)
            .WithName("DecideWithdrawal")
            .RequireRoles(AccessPolicies.Caseworkers)
            .WithSummary("The caseworker's decision once the hearing is over (the employer answered, or its deadline passed; 409 before): withdraw citing a §2.1 ground, or keep the authorisation with a reason. One decision per withdrawal, whatever its id.")
            .Accepts<WithdrawalDecisionRequest>("application/json")
            .CommandResponses();
        return api;
    }

    public static async Task<IResult> FileFindingAsync(HttpRequest request, ClaimsPrincipal user, WithdrawalService withdrawals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawals);
        if (Actor.PersonOf(user, AccessPolicies.Inspectors) is not { } inspector)
        {
            return Problems.Forbidden(Unidentified);
        }

        (FindingRequest? body, IResult? problem) = await JsonBody.ReadAsync<FindingRequest>(request, PermitApi.SmallBodyBytes, cancellationToken);
        return body is null ? problem! : Result(await withdrawals.FileFindingAsync(body, inspector, cancellationToken));
    }

    /// <summary>The withdrawal as its reader may see it (<see cref="WithdrawalView"/>): all of it for staff, the employer's part for its employer.</summary>
    public static async Task<IResult> GetAsync(string withdrawalId, ClaimsPrincipal user, WithdrawalService withdrawals, ApplicantAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawals);
        StoredWithdrawal? withdrawal = await FindAsync(withdrawalId, user, AccessPolicies.ApplicationReaders, withdrawals, access, cancellationToken);
        if (withdrawal is null)
        {
            return NoWithdrawal(withdrawalId);
        }

        return TimelineAudiences.Of(user) == Audience.Applicant
            ? TypedResults.Ok(WithdrawalService.EmployerView(withdrawal))
            : TypedResults.Ok(await withdrawals.StaffViewAsync(withdrawal, cancellationToken));
    }

    public static async Task<IResult> GetLetterAsync(
        string withdrawalId, string letter, HttpContext http, ClaimsPrincipal user, WithdrawalService withdrawals, ApplicantAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawals);
        StoredWithdrawal? withdrawal = await FindAsync(withdrawalId, user, AccessPolicies.ApplicationReaders, withdrawals, access, cancellationToken);
        return withdrawal is not null && await withdrawals.LetterAsync(withdrawal, letter, cancellationToken) is { } stored
            ? PermitApi.LetterResult(http, withdrawal.Finding.AuthorisationId, stored)
            : Problems.NotFound($"There is no such letter of withdrawal {Shorten(withdrawalId)} (yet): hearing-invitation or withdrawal-decision.");
    }

    public static async Task<IResult> RespondAsync(
        string withdrawalId, HttpRequest request, ClaimsPrincipal user, WithdrawalService withdrawals, ApplicantAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawals);
        StoredWithdrawal? withdrawal = await FindAsync(withdrawalId, user, AccessPolicies.Employers, withdrawals, access, cancellationToken);
        if (withdrawal is null)
        {
            return NoWithdrawal(withdrawalId);
        }

        (HearingResponseRequest? body, IResult? problem) = await JsonBody.ReadAsync<HearingResponseRequest>(request, PermitApi.SmallBodyBytes, cancellationToken);
        return body is null
            ? problem!
            : Result(await withdrawals.RespondAsync(withdrawal, body, Actor.Of(user, AccessPolicies.Employers), cancellationToken));
    }

    public static async Task<IResult> DecideAsync(
        string withdrawalId, HttpRequest request, ClaimsPrincipal user, WithdrawalService withdrawals, ApplicantAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawals);
        if (Actor.PersonOf(user, AccessPolicies.Caseworkers) is not { } caseworker)
        {
            return Problems.Forbidden(Unidentified);
        }

        StoredWithdrawal? withdrawal = await FindAsync(withdrawalId, user, AccessPolicies.Caseworkers, withdrawals, access, cancellationToken);
        if (withdrawal is null)
        {
            return NoWithdrawal(withdrawalId);
        }

        (WithdrawalDecisionRequest? body, IResult? problem) = await JsonBody.ReadAsync<WithdrawalDecisionRequest>(request, PermitApi.SmallBodyBytes, cancellationToken);
        return body is null ? problem! : Result(await withdrawals.DecideAsync(withdrawal, body, caseworker, cancellationToken));
    }

    /// <summary>The withdrawal when the id is well formed, it exists, and the caller may reach its authorisation (staff always, an employer its own).</summary>
    static async Task<StoredWithdrawal?> FindAsync(
        string withdrawalId, ClaimsPrincipal user, string policy, WithdrawalService withdrawals, ApplicantAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        StoredWithdrawal? withdrawal = await withdrawals.FindAsync(withdrawalId, cancellationToken);
        return withdrawal is not null && await access.MayAccessAsync(user, policy, withdrawal.Finding.AuthorisationId, cancellationToken) ? withdrawal : null;
    }

    /// <summary>202 with the withdrawal's address when recorded now, 200 for a repeat, or a problem.</summary>
    static IResult Result(CommandResult result) => result switch
    {
        { Status: CommandStatus.Accepted, Body: WithdrawalReceipt receipt } => TypedResults.Accepted(receipt.WithdrawalUrl, receipt),
        { Status: CommandStatus.Accepted, Body: WithdrawalCommandAnswer answer } => TypedResults.Accepted(answer.WithdrawalUrl, answer),
        _ => PermitApi.ToResult(result, ok: false),
    };

    static string Shorten(string withdrawalId) => WithdrawalIds.IsWellFormed(withdrawalId) ? withdrawalId : "(not a withdrawal id)";

    static IResult NoWithdrawal(string withdrawalId) => Problems.NotFound($"There is no withdrawal {Shorten(withdrawalId)}.");

    static RouteHandlerBuilder CommandResponses(this RouteHandlerBuilder endpoint) =>
        endpoint
            .Produces<WithdrawalCommandAnswer>(StatusCodes.Status202Accepted)
            .Produces<WithdrawalCommandAnswer>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
