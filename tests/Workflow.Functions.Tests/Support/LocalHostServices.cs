using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.LocalHost;

namespace Workflow.Functions.Tests.Support;

/// <summary>
/// The local host as it is composed (<see cref="PermitLocalHost.Build"/>), built but never started: its registrations,
/// options and endpoint table are read, nothing connects to storage.
/// </summary>
internal static class LocalHostServices
{
    public static async Task<T> ReadAsync<T>(Func<WebApplication, T> read)
    {
        WebApplication app = PermitLocalHost.Build(["--port", "0"]);
        await using (app)
        {
            return read(app);
        }
    }

    public static DurableTaskRegistry Registry(WebApplication app) =>
        app.Services.GetRequiredService<IOptionsMonitor<DurableTaskRegistry>>().Get(Options.DefaultName);

    public static DurableTaskWorkerOptions WorkerOptions(WebApplication app) =>
        app.Services.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(Options.DefaultName);

    public static DurableTaskClientOptions ClientOptions(WebApplication app) =>
        app.Services.GetRequiredService<IOptionsMonitor<DurableTaskClientOptions>>().Get(Options.DefaultName);

    public static IReadOnlyList<RouteEndpoint> Endpoints(WebApplication app) =>
        [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()];
}
