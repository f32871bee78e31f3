using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// A counting reverse proxy in front of the storage account: one loopback port per service (Kestrel, in this process),
/// each request counted by service, resource and operation (<see cref="StorageRequestClassifier"/>) and forwarded
/// unchanged (method, path, query, headers, body: the shared-key signature does not cover the host) to the real
/// endpoint. The host under test is given <see cref="ProxiedConnectionString"/>, so every request it makes is counted.
/// </summary>
public sealed class StorageCountingProxy : IAsyncDisposable
{
    static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Expect",
    };

    readonly ConcurrentDictionary<StorageRequest, long> counts = new();
    readonly StorageEndpoints target;
    readonly HttpClient forwarder = new(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan, // the storage client's own timeouts apply
    };

    StorageEndpoints proxied;
    WebApplication? app;

    StorageCountingProxy(StorageEndpoints target)
    {
        this.target = target;
        this.proxied = target;
    }

    /// <summary>The connection string that sends the account's requests through this proxy.</summary>
    public string ProxiedConnectionString => this.proxied.ConnectionString();

    public static async Task<StorageCountingProxy> StartAsync(StorageEndpoints target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var proxy = new StorageCountingProxy(target);
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(StorageCountingProxy).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null; // documents of tens of MiB go to Blob storage
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            foreach (StorageService _ in Enum.GetValues<StorageService>())
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });
        WebApplication app = builder.Build();
        app.Run(proxy.ForwardAsync);
        await app.StartAsync(cancellationToken);
        proxy.app = app;

        // Kestrel binds in the order given: blob, queue, table (the enum's order).
        int[] ports = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a).Port)];
        proxy.proxied = target.OnLoopbackPorts(ports[(int)StorageService.Blob], ports[(int)StorageService.Queue], ports[(int)StorageService.Table]);
        return proxy;
    }

    /// <summary>The counts so far (a copy).</summary>
    public IReadOnlyDictionary<StorageRequest, long> Snapshot() => new Dictionary<StorageRequest, long>(this.counts);

    /// <summary>What was counted between two snapshots.</summary>
    public static IReadOnlyDictionary<StorageRequest, long> Between(IReadOnlyDictionary<StorageRequest, long> before, IReadOnlyDictionary<StorageRequest, long> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after
            .Select(pair => KeyValuePair.Create(pair.Key, pair.Value - before.GetValueOrDefault(pair.Key)))
            .Where(pair => pair.Value > 0)
            .ToDictionary();
    }

    async Task ForwardAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        StorageService service = this.proxied.ServiceOn(context.Connection.LocalPort) ?? throw new InvalidOperationException("A request on a port the proxy does not serve.");
        StorageRequest counted = StorageRequestClassifier.Classify(service, request.Method, request.Path.Value ?? "/", request.QueryString.Value);
        this.counts.AddOrUpdate(counted, 1, (_, n) => n + 1);

        Uri endpoint = this.target[service];
        // The target exactly as it came in: the shared-key signature covers the encoded path, which decoding and
        // encoding again (PathString, Uri canonicalisation) could change.
        string target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{request.Path}{request.QueryString}";
        var uri = new Uri($"{endpoint.Scheme}://{endpoint.Authority}{target}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var outgoing = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            outgoing.Content = new StreamContent(request.Body);
        }
        else if (request.ContentLength == 0)
        {
            outgoing.Content = new ByteArrayContent([]);
        }

        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in request.Headers)
        {
            if (!HopByHop.Contains(name) && !outgoing.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                (outgoing.Content ??= new ByteArrayContent([])).Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await this.forwarder.SendAsync(outgoing, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach ((string name, IEnumerable<string> values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(name))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            if (!HttpMethods.IsHead(request.Method))
            {
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (this.app is not null)
        {
            await this.app.StopAsync(CancellationToken.None);
            await this.app.DisposeAsync();
        }

        this.forwarder.Dispose();
    }
}
