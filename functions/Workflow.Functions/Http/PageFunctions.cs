using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Workflow.Application.Web;

namespace Workflow.Functions.Http;

/// <summary>
/// The pages (<see cref="Pages"/>) in Azure: the same embedded files as the local host, at the root of the app. The
/// route is a catch-all, which ranks after every API route; anything that is not a page answers 404. The pages are
/// public files (their data comes from the API, which asks for a principal); App Service authentication excludes them
/// and they sign people in through it ("app-service"), so the API calls carry the session cookie.
/// </summary>
public static class PageFunctions
{
    /// <summary>How the pages sign in here: through App Service authentication's login endpoint.</summary>
    public const string SignIn = "app-service";

    [Function("Pages")]
    public static IResult Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{*path}")] HttpRequest request,
        string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Pages.Answer(request.HttpContext, path ?? string.Empty, SignIn);
    }
}
