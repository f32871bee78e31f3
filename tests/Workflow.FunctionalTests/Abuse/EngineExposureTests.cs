using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.DurableTask.Protobuf;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Abuse;

/// <summary>
/// The durable engine's sidecar asks no credential, so nobody but the host's own worker and client may reach it: its
/// Unix socket sits in a folder only the host's user may enter, both gone when the host stops; its gRPC routes do not
/// exist on the public API port (HTTP/1.1 or h2c); a TCP sidecar must be allowed explicitly and listens on 127.0.0.1
/// only. Each check also shows the engine still works where it should.
/// </summary>
public sealed class EngineExposureTests
{
    /// <summary>Methods of the sidecar an attacker would want: start, drive, purge, or take the work items of workflows.</summary>
    static readonly string[] SidecarMethods = ["Hello", "StartInstance", "RaiseEvent", "TerminateInstance", "PurgeInstances", "GetWorkItems"];

    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes are Unix's; the tests run on Linux
    public async Task The_sidecar_socket_is_in_a_folder_only_its_owner_may_enter_and_both_are_removed_when_the_host_stops()
    {
        PermitHost host = await PermitHost.StartAsync();
        string folder;
        string socket;
        try
        {
            folder = host.Sidecar.Folder!;
            socket = host.Sidecar.SocketPath!;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(socket));
            Assert.Equal([socket], Directory.GetFileSystemEntries(folder));

            // Its owner (this process) reaches the engine there.
            using GrpcChannel channel = host.Sidecar.CreateChannel();
            await new TaskHubSidecarService.TaskHubSidecarServiceClient(channel).HelloAsync(new Empty());
        }
        finally
        {
            await host.DisposeAsync();
        }

        Assert.False(File.Exists(socket), $"{socket} outlived the host");
        Assert.False(Directory.Exists(folder), $"{folder} outlived the host");
    }

    [Fact]
    public async Task The_API_port_does_not_serve_the_engine_over_HTTP1_or_h2c_and_the_worker_still_runs_workflows()
    {
        PermitHost host = await SharedHost.GetAsync();
        await AssertNoEngineOnAsync(host.Api.Http.BaseAddress!);
        await AssertWorkflowRunsAsync(host);
    }

    [Fact]
    public async Task A_TCP_sidecar_not_explicitly_allowed_stops_the_host_before_it_serves()
    {
        AzuriteServer azurite = await TestAzurite.GetAsync();
        int port = FreePort();
        var options = new PermitHostOptions { Extra = new Dictionary<string, string?> { ["Engine:GrpcPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        using Process process = Process.Start(HostProcess.ProgramStart(options.Arguments(azurite.ConnectionString, httpPort: 0)))!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"The host did not refuse to start: {await output}");
            }
        }

        string said = await errors + await output;
        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("error: Engine:GrpcPort=", await errors, StringComparison.Ordinal);
        Assert.Contains("Engine:AllowTcpSidecar=true", said, StringComparison.Ordinal);
        Assert.DoesNotContain("is running", said, StringComparison.Ordinal);
        Assert.False(await ConnectsAsync(IPAddress.Loopback, port), $"something listens on {port}");
    }

    [Fact]
    public async Task An_allowed_TCP_sidecar_listens_on_127_0_0_1_only()
    {
        int port = FreePort();
        var options = new PermitHostOptions
        {
            Extra = new Dictionary<string, string?>
            {
                ["Engine:GrpcPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Engine:AllowTcpSidecar"] = "true",
            },
        };
        await using PermitHost host = await PermitHost.StartAsync(options);

        Assert.Equal([$"http://127.0.0.1:{port}"], host.SidecarServer.Addresses);
        Assert.Null(host.Sidecar.Folder);
        using (GrpcChannel channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}"))
        {
            await new TaskHubSidecarService.TaskHubSidecarServiceClient(channel).HelloAsync(new Empty());
        }

        var reached = new List<IPAddress>();
        foreach (IPAddress other in OtherAddressesOfThisMachine())
        {
            if (await ConnectsAsync(other, port))
            {
                reached.Add(other);
            }
        }

        Assert.Empty(reached);
        await AssertNoEngineOnAsync(host.Api.Http.BaseAddress!);
        await AssertWorkflowRunsAsync(host);
    }

    /// <summary>Every sidecar method on the API port: 404 over HTTP/1.1 and to a real gRPC client over h2c.</summary>
    static async Task AssertNoEngineOnAsync(Uri api)
    {
        using var http = new HttpClient { BaseAddress = api };
        foreach (string method in SidecarMethods)
        {
            // An empty gRPC message: no compression flag, length 0.
            using var content = new ByteArrayContent(new byte[5]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/TaskHubSidecarService/{method}") { Content = content, Version = HttpVersion.Version11 };
            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"HTTP/1.1 {method} answered {(int)response.StatusCode}");
        }

        // A gRPC client speaks h2c (HTTP/2 without TLS). The API's listener answers HTTP/1.1 only, so the connection is
        // refused before any route is looked up (GOAWAY HTTP_1_1_REQUIRED, or no HTTP/2 handshake, as timing has it): the
        // client fails, no server status comes back. Were h2c ever enabled there, the route would still be missing (404).
        using GrpcChannel channel = GrpcChannel.ForAddress(api);
        var client = new TaskHubSidecarService.TaskHubSidecarServiceClient(channel);
        foreach (Func<Task> call in new Func<Task>[]
        {
            async () => await client.HelloAsync(new Empty()),
            async () => await client.PurgeInstancesAsync(new PurgeInstancesRequest { InstanceId = "wp-any" }),
        })
        {
            RpcException refused = await Assert.ThrowsAsync<RpcException>(call);
            bool http11Only = refused.StatusCode == StatusCode.Internal && refused.Status.DebugException is HttpRequestException;
            bool notFound = refused.StatusCode == StatusCode.Unimplemented && refused.Status.Detail.Contains("404", StringComparison.Ordinal);
            Assert.True(http11Only || notFound, $"h2c call on the API port: {refused.Status}");
        }
    }

    /// <summary>A work card from submission to its granted decision: the worker and client reach the engine.</summary>
    static async Task AssertWorkflowRunsAsync(PermitHost host)
    {
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, a => a["submissionId"] = "ENGINE-DOOR-" + Guid.NewGuid().ToString("N")[..8]));
        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision", Scenario.StepTimeout);
        await host.Api.DecideAsync(applicationId, "approve");
        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("granted", result["outcome"]!.GetValue<string>());
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Addresses a 0.0.0.0 or [::] listener would also answer on: another loopback address, IPv6 loopback, the network interfaces'.</summary>
    static IEnumerable<IPAddress> OtherAddressesOfThisMachine()
    {
        yield return IPAddress.Parse("127.0.0.2");
        if (Socket.OSSupportsIPv6)
        {
            yield return IPAddress.IPv6Loopback;
        }

        foreach (UnicastIPAddressInformation unicast in NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses))
        {
            if (!IPAddress.IsLoopback(unicast.Address) && !unicast.Address.IsIPv6LinkLocal)
            {
                yield return unicast.Address;
            }
        }
    }

    static async Task<bool> ConnectsAsync(IPAddress address, int port)
    {
        using var client = new TcpClient(address.AddressFamily);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync(address, port, patience.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
