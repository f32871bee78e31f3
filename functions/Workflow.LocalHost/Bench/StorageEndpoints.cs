using System.Globalization;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// A storage connection string's account and its three endpoints, read from <c>UseDevelopmentStorage=true</c> (Azurite's
/// default ports) or from explicit BlobEndpoint, QueueEndpoint and TableEndpoint; and the same account on other endpoints
/// (the counting proxy's).
/// </summary>
public sealed record StorageEndpoints(string AccountName, string AccountKey, Uri Blob, Uri Queue, Uri Table)
{
    /// <summary>Azurite's well-known development account and key (public, in Azurite's documentation).</summary>
    public const string DevelopmentAccount = "devstoreaccount1";

    public const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public Uri this[StorageService service] => service switch
    {
        StorageService.Blob => this.Blob,
        StorageService.Queue => this.Queue,
        _ => this.Table,
    };

    /// <summary>Which service listens on <paramref name="port"/> among these endpoints (the proxy's ports tell the service of a request); null for none.</summary>
    public StorageService? ServiceOn(int port) =>
        Enum.GetValues<StorageService>().Where(service => this[service].Port == port).Select(service => (StorageService?)service).FirstOrDefault();

    /// <summary>Reads a connection string; throws <see cref="FormatException"/> for one without the three endpoints (an Azure account by name alone is not a benchmark target).</summary>
    public static StorageEndpoints Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        Dictionary<string, string> parts = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out string? development) && development.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageEndpoints(
                DevelopmentAccount,
                DevelopmentKey,
                new Uri($"http://127.0.0.1:10000/{DevelopmentAccount}"),
                new Uri($"http://127.0.0.1:10001/{DevelopmentAccount}"),
                new Uri($"http://127.0.0.1:10002/{DevelopmentAccount}"));
        }

        string Required(string key) => parts.TryGetValue(key, out string? value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {key}: the bench needs UseDevelopmentStorage=true or explicit Blob, Queue and Table endpoints.");
        return new StorageEndpoints(
            Required("AccountName"),
            Required("AccountKey"),
            new Uri(Required("BlobEndpoint")),
            new Uri(Required("QueueEndpoint")),
            new Uri(Required("TableEndpoint")));
    }

    /// <summary>The same account with each service on a loopback port of its own (the path, the account's, is kept).</summary>
    public StorageEndpoints OnLoopbackPorts(int blobPort, int queuePort, int tablePort) => this with
    {
        Blob = OnPort(this.Blob, blobPort),
        Queue = OnPort(this.Queue, queuePort),
        Table = OnPort(this.Table, tablePort),
    };

    public string ConnectionString() => string.Create(
        CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol={this.Blob.Scheme};AccountName={this.AccountName};AccountKey={this.AccountKey};BlobEndpoint={Trim(this.Blob)};QueueEndpoint={Trim(this.Queue)};TableEndpoint={Trim(this.Table)};");

    static Uri OnPort(Uri endpoint, int port) => new UriBuilder(endpoint) { Host = "127.0.0.1", Port = port }.Uri;

    static string Trim(Uri endpoint) => endpoint.AbsoluteUri.TrimEnd('/');
}
