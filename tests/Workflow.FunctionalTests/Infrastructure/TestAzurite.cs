// The tests' Azurite is the local host's (the bench command starts one the same way).
global using AzuriteServer = Workflow.LocalHost.AzuriteServer;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>The one Azurite of a test run, shared by every test (each host gets its own task hub and resource names).</summary>
internal static class TestAzurite
{
    static readonly Lazy<Task<AzuriteServer>> Server = new(StartAsync);

    public static Task<AzuriteServer> GetAsync() => Server.Value;

    static async Task<AzuriteServer> StartAsync()
    {
        AzuriteServer server = await AzuriteServer.StartAsync();

        // xunit v2 has no assembly fixture: stop Azurite when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
