using Azure.Core;
using Microsoft.Extensions.Configuration;
using Workflow.Adapters.ServiceBus;

namespace Workflow.Functions.Hosting;

/// <summary>
/// The storage account of the app's data (dossiers, tables, queues): the same account and settings as the Functions
/// host's own storage, <c>AzureWebJobsStorage</c>, read the way the host reads it. Either a connection string (Azurite
/// locally: <c>UseDevelopmentStorage=true</c>) or an identity-based connection: <c>AzureWebJobsStorage__accountName</c>,
/// or <c>__blobServiceUri</c>, <c>__queueServiceUri</c> and <c>__tableServiceUri</c>, with <c>__credential</c>
/// (<c>managedidentity</c>) and <c>__clientId</c>. The account allows no shared-key access in Azure.
/// </summary>
public sealed class StorageConnection
{
    public const string Name = "AzureWebJobsStorage";

    StorageConnection(string? connectionString, Uri? blob, Uri? queue, Uri? table, TokenCredential? credential)
    {
        this.ConnectionString = connectionString;
        this.BlobServiceUri = blob;
        this.QueueServiceUri = queue;
        this.TableServiceUri = table;
        this.Credential = credential;
    }

    public string? ConnectionString { get; }

    public Uri? BlobServiceUri { get; }

    public Uri? QueueServiceUri { get; }

    public Uri? TableServiceUri { get; }

    public TokenCredential? Credential { get; }

    public bool IsIdentityBased => this.ConnectionString is null;

    public static StorageConnection From(IConfiguration configuration, string name = Name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection section = configuration.GetSection(name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageConnection(section.Value, null, null, null, null);
        }

        string? account = section["accountName"];
        Uri? Endpoint(string key, string service) =>
            section[key] is { Length: > 0 } uri ? new Uri(uri)
            : string.IsNullOrWhiteSpace(account) ? null
            : new Uri($"https://{account}.{service}.core.windows.net");

        Uri? blob = Endpoint("blobServiceUri", "blob");
        Uri? queue = Endpoint("queueServiceUri", "queue");
        Uri? table = Endpoint("tableServiceUri", "table");
        if (blob is null || queue is null || table is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {name} (a connection string, locally) or {name}__accountName " +
                $"(or {name}__blobServiceUri, __queueServiceUri and __tableServiceUri) with {name}__credential and {name}__clientId.");
        }

        return new StorageConnection(null, blob, queue, table, AzureIdentity.CredentialFor(section));
    }
}
