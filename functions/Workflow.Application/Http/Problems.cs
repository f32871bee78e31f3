using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Http;

/// <summary>RFC 9457 problem details for every error the API returns (content type <c>application/problem+json</c>).</summary>
public static class Problems
{
    public static IResult Validation(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is not valid.", type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");

    public static IResult BadRequest(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid.", detail);

    public static IResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "Not authenticated.", detail);

    /// <summary>
    /// 401 with the bare challenge <c>WWW-Authenticate: Bearer</c> (RFC 6750 §3), no error code or description: a
    /// client needs only to get a valid token, and why its token failed would help only whoever forges them.
    /// </summary>
    public static IResult BearerChallenge(string detail) =>
        new WithHeader(Unauthorized(detail), "WWW-Authenticate", "Bearer");

    public static IResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Not allowed.", detail);

    public static IResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found.", detail);

    /// <summary>
    /// 404 for an application that does not exist, is not the caller's (an employer learns nothing of others'), or is
    /// not even an application id (not echoed back then).
    /// </summary>
    public static IResult NoApplication(string id) =>
        NotFound(ApplicationIds.IsWellFormed(id) ? $"There is no application {id}." : "There is no application (not an application id).");

    public static IResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "The request conflicts with the state of the application.", detail);

    /// <summary>409 with <c>Retry-After</c>: the application exists but its workflow is not scheduled yet (RFC 9110 §10.2.3).</summary>
    public static IResult StillRegistering(string detail, TimeSpan retryAfter) =>
        new WithHeader(
            Problem(StatusCodes.Status409Conflict, "The application is still being registered.", detail),
            "Retry-After",
            Seconds(retryAfter));

    /// <summary>429 with <c>Retry-After</c>: the caller has used up its budget of <see cref="CallerRateLimits"/> for now (RFC 6585 §4).</summary>
    public static IResult TooManyRequests(TimeSpan retryAfter) =>
        new WithHeader(
            Problem(StatusCodes.Status429TooManyRequests, "Too many requests.", "You have used up your request budget for now. Send the request again after the Retry-After interval."),
            "Retry-After",
            Seconds(retryAfter));

    public static IResult TooLarge(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"At most {maxBytes} bytes are accepted.");

    public static IResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type.", "Send the body as application/json.");

    public static IResult Unprocessable(string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "The request cannot be processed.", detail);

    /// <summary>A Retry-After value: whole seconds, rounded up, at least one.</summary>
    static string Seconds(TimeSpan wait) =>
        ((long)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);

    static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>A result with one response header more.</summary>
    sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
