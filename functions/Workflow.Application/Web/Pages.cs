using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Workflow.Application.Web;

/// <summary>
/// The pages people work in (the caseworker workbench, the employer portal, the managers' dashboard): plain HTML, CSS and JavaScript modules
/// embedded in this assembly (<c>Web/wwwroot</c>), served the same way by both hosts. No build step, nothing fetched from
/// elsewhere at run time: the pages call this host's API with the caller's own credentials, so they can do nothing the
/// API would not let the person do. Every answer carries a strict content security policy (scripts and styles from this
/// origin only, no inline code) and an ETag; the files change only with a deployment.
/// </summary>
public static class Pages
{
    /// <summary>The top-level folders served; anything else is not a page.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["ui", "workbench", "portal", "dashboard"];

    /// <summary>The policy of every page answer: this origin only, no inline script or style, not framed by others.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    const string ResourcePrefix = "web/";

    static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    static readonly Lazy<FrozenDictionary<string, PageAsset>> Assets = new(Load);

    /// <summary>How the pages sign people in on this host: "token" (paste a development token) or "app-service" (Azure App Service authentication).</summary>
    public static string ConfigJson(string signIn) => $$"""{"signIn":"{{signIn}}"}""";

    /// <summary>The asset at a request path ("/", "/workbench/", "/ui/app.js"), or null when there is none.</summary>
    public static PageAsset? Find(string? path)
    {
        string relative = (path ?? string.Empty).TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        return Assets.Value.TryGetValue(relative, out PageAsset? asset) ? asset : null;
    }

    /// <summary>Every embedded asset, by its path relative to the site root (for tests and the language check).</summary>
    public static IReadOnlyCollection<PageAsset> All => Assets.Value.Values;

    /// <summary>Maps the pages: "/" (the landing page), each section, and "/ui/config.json" telling the pages how to sign in.</summary>
    public static IEndpointConventionBuilder MapPages(this IEndpointRouteBuilder endpoints, string signIn)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder pages = endpoints.MapGroup(string.Empty).ExcludeFromDescription();
        pages.MapGet("/", (HttpContext http) => Answer(http, "/", signIn));
        foreach (string section in Sections)
        {
            pages.MapGet($"/{section}", (HttpContext http) => Answer(http, http.Request.Path, signIn)); // routing matches "/x/" here too
            pages.MapGet($"/{section}/{{**path}}", (HttpContext http) => Answer(http, http.Request.Path, signIn));
        }

        return pages;
    }

    /// <summary>
    /// The answer to a GET of a page path, in either host: the sign-in configuration at "ui/config.json", a redirect
    /// from a section's bare name to its folder ("workbench" → "workbench/"), else the asset (<see cref="Serve"/>).
    /// </summary>
    public static IResult Answer(HttpContext http, string? path, string signIn)
    {
        ArgumentNullException.ThrowIfNull(http);
        string relative = (path ?? string.Empty).TrimStart('/');
        if (relative == "ui/config.json")
        {
            Secure(http.Response);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Text(ConfigJson(signIn), "application/json; charset=utf-8");
        }

        return Sections.Contains(relative, StringComparer.Ordinal) ? Results.Redirect($"/{relative}/") : Serve(http, relative);
    }

    /// <summary>Answers a request for an asset: 200 with the file, 304 when the client holds it already, 404 otherwise.</summary>
    public static IResult Serve(HttpContext http, string? path)
    {
        ArgumentNullException.ThrowIfNull(http);
        Secure(http.Response);
        if (Find(path) is not PageAsset asset)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no page at this address.");
        }

        http.Response.Headers.ETag = asset.ETag;
        http.Response.Headers.CacheControl = "no-cache";
        if (http.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }

    /// <summary>The headers every page answer carries.</summary>
    public static void Secure(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    static FrozenDictionary<string, PageAsset> Load()
    {
        Assembly assembly = typeof(Pages).Assembly;
        var assets = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            string path = name[ResourcePrefix.Length..].Replace('\\', '/');
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] content = buffer.ToArray();
            string type = ContentTypes.TryGetValue(Path.GetExtension(path), out string? known) ? known : "application/octet-stream";
            assets[path] = new PageAsset(path, content, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>One embedded file of the pages, with its content type and strong ETag.</summary>
public sealed record PageAsset(string Path, byte[] Content, string ContentType, string ETag);
