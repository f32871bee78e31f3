using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Workflow.Application.Http;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests;

/// <summary>
/// docs/design.md#two-hosts-one-workflow-code-base: the same routes in both hosts. Every endpoint of the local host's
/// API (<c>MapPermitApi</c>, read from its endpoint table) has an HTTP-triggered function with the same name, method
/// and route (host.json's route prefix is empty; the API's routes start with <c>api/</c>), and every HTTP function
/// under <c>api/</c> but the runbook's admin commands and the health check is one of them.
/// </summary>
public sealed class RouteParityTests
{
    /// <summary>The local host's extras that are not part of the permit API (the pages, under the root, are compared in PageTests).</summary>
    static readonly HashSet<string> LocalOnly = [PermitApi.OpenApiPath, "/healthz"];

    [Fact]
    public async Task Every_local_endpoint_has_a_function_with_the_same_name_method_and_route()
    {
        (string Name, string Method, string Route)[] local = await LocalHostServices.ReadAsync(app => LocalHostServices.Endpoints(app)
            .Where(e => !LocalOnly.Contains(Normalize(e.RoutePattern.RawText)) && Normalize(e.RoutePattern.RawText).StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                (e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "", method, Normalize(e.RoutePattern.RawText))))
            .OrderBy(e => e.Item3, StringComparer.Ordinal).ThenBy(e => e.method, StringComparer.Ordinal)
            .ToArray());

        (string Name, string Method, string Route)[] functions = [.. HttpFunctions()
            .Where(f => f.Route.StartsWith("/api/", StringComparison.Ordinal) && !AdminOnly.Contains(f.Name) && f.Name != "Health")
            .OrderBy(f => f.Route, StringComparer.Ordinal).ThenBy(f => f.Method, StringComparer.Ordinal)];

        Assert.NotEmpty(local);
        Assert.All(local, e => Assert.False(string.IsNullOrEmpty(e.Name), $"{e.Method} {e.Route} has no endpoint name"));
        Assert.Equal(local, functions);
    }

    /// <summary>The runbook's commands behind the master key (<see cref="AuthorizationLevel.Admin"/>): Functions only.</summary>
    static HashSet<string> AdminOnly => [.. FunctionCatalog.All
        .Where(f => f.Trigger is HttpTriggerAttribute { AuthLevel: AuthorizationLevel.Admin })
        .Select(f => f.Name)];

    static IEnumerable<(string Name, string Method, string Route)> HttpFunctions() =>
        FunctionCatalog.All
            .Where(f => f.Trigger is HttpTriggerAttribute)
            .SelectMany(f =>
            {
                var trigger = (HttpTriggerAttribute)f.Trigger!;
                return (trigger.Methods ?? []).Select(method => (f.Name, method.ToUpperInvariant(), Normalize("/" + trigger.Route)));
            });

    static string Normalize(string? route) => "/" + (route ?? "").Trim('/');
}
