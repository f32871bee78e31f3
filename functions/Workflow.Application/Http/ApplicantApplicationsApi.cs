using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Workflow.Application.Access;
using Workflow.Application.Ports;
using Workflow.Application.Queries;

namespace Workflow.Application.Http;

/// <summary>
/// <c>GET /api/applications</c>: the applicant's own applications, newest first, a page at a time, from the index the
/// submission ledger keeps by applicant key (<see cref="IApplicantIndex"/>). Employers only: staff have the worklist and
/// read any application by its id, so for them this list answers 403 rather than a list of everything. Each line shows
/// what the applicant's own view shows (<see cref="ApplicantView"/>), nothing more.
/// </summary>
public static class ApplicantApplicationsApi
{
    /// <summary>Lines per page when the caller does not say: each costs a read of the case index.</summary>
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    public const string ForeignApplicant = "An employer lists only the applications of its own applicant key (the applicant claim of its token).";

    public static void MapApplicantApplications(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/applications", ListAsync)
            .WithTags("Applications")
            .WithName("GetOwnApplications")
            .RequireAuthorization(AccessPolicies.Employers)
            .WithSummary("The caller's own applications (employer or self-employed applicant), newest first, a page at a time (pageSize 1-100, default 20; continuation from the previous page; applicant when the token names several).")
            .Produces<ApplicantApplicationPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<IResult> ListAsync(HttpRequest request, ClaimsPrincipal user, IApplicantIndex index, ApplicationQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(queries);

        string? size = request.Query["pageSize"];
        string? continuation = request.Query["continuation"];
        int pageSize = DefaultPageSize;
        if (size is not null
            && (!int.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return Problems.BadRequest($"pageSize must be a whole number from 1 to {MaxPageSize}.");
        }

        if (continuation is not null && !ApplicantIndexKey.IsWellFormed(continuation))
        {
            return Problems.BadRequest("continuation is not a token this API gave.");
        }

        (string? applicant, IResult? problem) = Applicant(user, request.Query["applicant"]);
        if (applicant is null)
        {
            return problem!;
        }

        ApplicantIndexPage page = await index.ListAsync(applicant, pageSize, continuation, cancellationToken);
        ApplicantApplicationItem?[] items = await Task.WhenAll(page.Entries.Select(entry => queries.SummaryForApplicantAsync(entry, cancellationToken)));
        return TypedResults.Ok(new ApplicantApplicationPage([.. items.OfType<ApplicantApplicationItem>()], page.Continuation));
    }

    /// <summary>
    /// Whose list: the applicant the token names, or of several the one asked for (<c>applicant</c>). A token naming none,
    /// or asking for an applicant it does not name, is refused as a submission for another would be.
    /// </summary>
    static (string? Applicant, IResult? Problem) Applicant(ClaimsPrincipal user, string? asked)
    {
        ApplicantScope scope = ApplicantScope.Of(user, AccessPolicies.Employers);
        string[] own = [.. user.FindAll(PermitClaims.Applicant).Select(c => ApplicantScope.Canonical(c.Value)).OfType<string>().Distinct(StringComparer.Ordinal)];
        if (scope.IsNone || own.Length == 0)
        {
            return (null, Problems.Forbidden(ForeignApplicant));
        }

        if (asked is not null)
        {
            return ApplicantScope.Canonical(asked) is string key && scope.Allows(key)
                ? (key, null)
                : (null, Problems.Forbidden(ForeignApplicant));
        }

        return own.Length == 1
            ? (own[0], null)
            : (null, Problems.BadRequest("Your token names several applicants: say whose applications to list with applicant=<KBO number or self:reference>."));
    }
}
