using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Validation;

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

    public static IResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Not allowed.", detail);

    public static IResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found.", detail);

    public static IResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "The request conflicts with the state of the application.", detail);

    /// <summary>409 with <c>Retry-After</c>: the application exists but its workflow is not scheduled yet (RFC 9110 §10.2.3).</summary>
    public static IResult StillRegistering(string detail, TimeSpan retryAfter) =>
        new WithHeader(
            Problem(StatusCodes.Status409Conflict, "The application is still being registered.", detail),
            "Retry-After",
            ((long)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static IResult TooLarge(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"At most {maxBytes} bytes are accepted.");

    public static IResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type.", "Send the body as application/json.");

    public static IResult Unprocessable(string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "The request cannot be processed.", detail);

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
