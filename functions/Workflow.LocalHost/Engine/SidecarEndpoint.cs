using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Workflow.LocalHost.Engine;

/// <summary>Where the Durable Task sidecar listens (HTTP/2 gRPC) and how the worker and client reach it.</summary>
public sealed class SidecarEndpoint : IDisposable
{
    readonly string? socketPath;
    readonly int port;

    SidecarEndpoint(string? socketPath, int port)
    {
        this.socketPath = socketPath;
        this.port = port;
    }

    public static SidecarEndpoint UnixSocket(string path) => new(path, 0);

    public static SidecarEndpoint Tcp(int port) => new(null, port);

    public override string ToString() => this.socketPath is null ? $"tcp 127.0.0.1:{this.port}" : $"unix socket {this.socketPath}";

    public void Listen(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        if (this.socketPath is null)
        {
            kestrel.Listen(IPAddress.Loopback, this.port, listen => listen.Protocols = HttpProtocols.Http2);
        }
        else
        {
            kestrel.ListenUnixSocket(this.socketPath, listen => listen.Protocols = HttpProtocols.Http2);
        }
    }

    public GrpcChannel CreateChannel()
    {
        if (this.socketPath is null)
        {
            return GrpcChannel.ForAddress($"http://127.0.0.1:{this.port}");
        }

        string path = this.socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
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

    /// <summary>Removes the socket file when the host is disposed.</summary>
    public void Dispose()
    {
        if (this.socketPath is not null && File.Exists(this.socketPath))
        {
            File.Delete(this.socketPath);
        }
    }
}
