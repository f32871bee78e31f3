using Azure.Core;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Adapters;

/// <summary>
/// The Azure SDK clients of both hosts through Microsoft.Extensions.Azure: Blob, Table and Queue storage here, Service
/// Bus in its own project, all sharing one credential (<c>UseCredential</c>: the managed identity in Azure; none with
/// a connection string, as on Azurite) and one retry configuration (<see cref="ApplyRetry(RetryOptions)"/>).
/// </summary>
public static class AzureClients
{
    public const int MaxRetries = 3;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>The retry of every Azure SDK call: a few quick exponential retries (an activity's own retries come on top).</summary>
    public static void ApplyRetry(RetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.MaxRetries = MaxRetries;
        retry.Mode = RetryMode.Exponential;
        retry.Delay = RetryDelay;
        retry.MaxDelay = MaxRetryDelay;
    }

    /// <summary>Storage by connection string (Azurite locally, <c>UseDevelopmentStorage=true</c>).</summary>
    public static IServiceCollection AddStorageClients(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddStorageClients(clients =>
        {
            clients.AddBlobServiceClient(connectionString);
            clients.AddTableServiceClient(connectionString);
            clients.AddQueueServiceClient(connectionString).ConfigureOptions(PlainMessages);
        });
    }

    /// <summary>Storage by service endpoints and the host's one credential (a managed identity in Azure).</summary>
    public static IServiceCollection AddStorageClients(this IServiceCollection services, Uri blobs, Uri tables, Uri queues, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return services.AddStorageClients(clients =>
        {
            clients.UseCredential(credential);
            clients.AddBlobServiceClient(blobs);
            clients.AddTableServiceClient(tables);
            clients.AddQueueServiceClient(queues).ConfigureOptions(PlainMessages);
        });
    }

    static IServiceCollection AddStorageClients(this IServiceCollection services, Action<AzureClientFactoryBuilder> add)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAzureClients(clients =>
        {
            clients.ConfigureDefaults(options => ApplyRetry(options.Retry));
            add(clients);
        });
        return services;
    }

    /// <summary>Queue messages are plain UTF-8 JSON (host.json's <c>messageEncoding: none</c> matches).</summary>
    static void PlainMessages(QueueClientOptions options) => options.MessageEncoding = QueueMessageEncoding.None;
}
