using Microsoft.AspNetCore.Http.Features;
using Workflow.Application.Http;

namespace Workflow.LocalHost;

/// <summary>
/// Writes the OpenAPI document the host serves at <see cref="PermitApi.OpenApiPath"/> to a file, without starting
/// anything: <c>Workflow.LocalHost.dll openapi --out clients/openapi.json</c>. It builds the host as it runs (the
/// in-memory engine, never started) and invokes the document's own endpoint, so the bytes are the ones an HTTP
/// client reads; no storage, port or engine is needed. Returns 0, or 2 on a usage error.
/// </summary>
public static class OpenApiCommand
{
    public const string Command = "openapi";

    public static bool IsCommand(string[] args) => args is [Command, ..];

    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not [Command, "--out", { Length: > 0 } path])
        {
            await error.WriteLineAsync($"usage: Workflow.LocalHost.dll {Command} --out <file>");
            return 2;
        }

        await using WebApplication app = PermitLocalHost.Build(["--in-memory"]);
        byte[] document = await ServeAsync(app);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllBytesAsync(path, document);
        return 0;
    }

    /// <summary>The document as the endpoint answers a GET, from a host built but not started.</summary>
    public static async Task<byte[]> ServeAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Starting the host would hand its endpoints to routing (and so to the API description the document is made
        // from); these two calls do only that. The pipeline they add is never run.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        RouteEndpoint endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Single(e => string.Equals("/" + e.RoutePattern.RawText?.TrimStart('/'), PermitApi.OpenApiPath, StringComparison.Ordinal));
        await using AsyncServiceScope scope = app.Services.CreateAsyncScope();
        using var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 5080);
        context.Request.Path = PermitApi.OpenApiPath;
        context.SetEndpoint(endpoint);
        await endpoint.RequestDelegate!(context);
        await context.Response.CompleteAsync();
        return context.Response.StatusCode == StatusCodes.Status200OK
            ? body.ToArray()
            : throw new InvalidOperationException($"The OpenAPI endpoint answered {context.Response.StatusCode}.");
    }
}
