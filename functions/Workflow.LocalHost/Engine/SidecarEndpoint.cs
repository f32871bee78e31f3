using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Workflow.LocalHost.Engine;

/// <summary>
/// Where the Durable Task sidecar listens (HTTP/2 gRPC) and how the worker and client reach it. The sidecar asks no
/// credential, so only this process's user may reach it: by default a Unix socket in a folder of its own that only the
/// owner may enter (mode 0700, the socket itself 0600); on request (<see cref="EngineSettings.AllowTcpSidecar"/>) a
/// loopback TCP port, which every local user can reach.
/// </summary>
public sealed class SidecarEndpoint : IDisposable
{
    const string SocketFileName = "sidecar.sock";

    const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    const UnixFileMode OwnerOnlySocket = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    readonly int port;
    string? folder;

    SidecarEndpoint(int port) => this.port = port;

    /// <summary>A Unix socket in a private folder, created when the sidecar opens (<see cref="Open"/>).</summary>
    public static SidecarEndpoint PrivateUnixSocket() => new(0);

    /// <summary>A TCP port on 127.0.0.1 only.</summary>
    public static SidecarEndpoint LoopbackTcp(int port) =>
        port is > 0 and <= IPEndPoint.MaxPort ? new(port) : throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 1 to 65535.");

    public bool IsUnixSocket => this.port == 0;

    /// <summary>The private folder holding the socket, once open; null for TCP.</summary>
    public string? Folder => this.folder;

    /// <summary>The socket's path, once open; null for TCP.</summary>
    public string? SocketPath => this.folder is null ? null : Path.Combine(this.folder, SocketFileName);

    public override string ToString() => this.IsUnixSocket ? $"unix socket {this.SocketPath ?? "(not open)"}" : $"tcp 127.0.0.1:{this.port}";

    /// <summary>
    /// Creates the socket's folder: a new temporary folder (mkdtemp: mode 0700, never one that already existed, so
    /// nobody else can have planted it or reach into it). Nothing to do for TCP.
    /// </summary>
    public void Open()
    {
        if (!this.IsUnixSocket || this.folder is not null)
        {
            return;
        }

        string created = Directory.CreateTempSubdirectory("permit-sidecar-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(created, OwnerOnlyFolder); // mkdtemp already did; said here so it does not rest on that
        }

        this.folder = created;
    }

    public void Listen(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        if (this.IsUnixSocket)
        {
            kestrel.ListenUnixSocket(this.SocketPath ?? throw new InvalidOperationException("Open the sidecar endpoint first."), listen => listen.Protocols = HttpProtocols.Http2);
        }
        else
        {
            kestrel.Listen(IPAddress.Loopback, this.port, listen => listen.Protocols = HttpProtocols.Http2);
        }
    }

    /// <summary>Once the server has created the socket: owner only, a second lock behind the folder's.</summary>
    public void RestrictSocket()
    {
        if (this.SocketPath is string socket && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(socket, OwnerOnlySocket);
        }
    }

    /// <summary>A channel to the sidecar; for a socket, its path is looked up at each connection, so the channel may be made before the socket is open.</summary>
    public GrpcChannel CreateChannel()
    {
        if (!this.IsUnixSocket)
        {
            return GrpcChannel.ForAddress($"http://127.0.0.1:{this.port}");
        }

        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                string path = this.SocketPath ?? throw new IOException("The sidecar is not open yet.");
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return GrpcChannel.ForAddress("http://sidecar", new GrpcChannelOptions { HttpHandler = handler });
    }

    /// <summary>Removes the socket and its folder.</summary>
    public void Dispose()
    {
        if (this.folder is not null && Directory.Exists(this.folder))
        {
            Directory.Delete(this.folder, recursive: true);
        }
    }
}
