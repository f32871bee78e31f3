using Microsoft.AspNetCore.Http;

namespace Workflow.Functions.Http;

/// <summary>
/// Cross-site request forgery, refused. In Azure the pages call the API with App Service authentication's session
/// cookie, which a browser also attaches to a form another site posts here. A change (any method but GET, HEAD and
/// OPTIONS) that rides on the cookie alone must therefore come from this origin: the browser's
/// <c>Sec-Fetch-Site</c> says <c>same-origin</c> (or <c>none</c>: typed by the person), or, from a browser that does not
/// send it, the <c>Origin</c> is this host. A call with an <c>Authorization</c> header (a bearer token, which browsers
/// never attach on their own) and a client that sends neither header (no browser) are not affected.
/// </summary>
public static class CrossSiteRequests
{
    public const string Refusal = "A change sent from another site's page is refused: use the pages of this site, or call the API with a bearer token.";

    /// <summary>Whether the request is a change another site's page made the browser send with the session cookie.</summary>
    public static bool Refuses(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !string.IsNullOrEmpty(request.Headers.Authorization))
        {
            return false;
        }

        string? fetchSite = request.Headers["Sec-Fetch-Site"];
        if (!string.IsNullOrEmpty(fetchSite))
        {
            return fetchSite is not ("same-origin" or "none");
        }

        string? origin = request.Headers.Origin;
        return !string.IsNullOrEmpty(origin)
            && !(Uri.TryCreate(origin, UriKind.Absolute, out Uri? from)
                 && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
