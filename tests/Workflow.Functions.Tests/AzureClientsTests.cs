using Azure.Core;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Adapters;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests;

/// <summary>
/// The Azure clients come from Microsoft.Extensions.Azure: identity-based in Azure (the storage account's endpoints, the
/// Service Bus namespace), with one retry configuration for all of them and plain queue messages.
/// </summary>
public sealed class AzureClientsTests
{
    static readonly Dictionary<string, string?> InAzure = new()
    {
        ["AzureWebJobsStorage"] = null,
        ["AzureWebJobsStorage:accountName"] = "stpermits",
        ["AzureWebJobsStorage:credential"] = "managedidentity",
        ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        ["Messaging:Transport"] = "ServiceBus",
        ["ServiceBus:fullyQualifiedNamespace"] = "sb-permits.servicebus.windows.net",
        ["ServiceBus:credential"] = "managedidentity",
        ["ServiceBus:clientId"] = "00000000-0000-0000-0000-000000000001",
    };

    [Fact]
    public async Task Identity_based_clients_reach_the_account_and_namespace_with_one_retry_configuration()
    {
        await using FunctionsApp app = FunctionsApp.Create(InAzure, inMemoryPorts: false);
        IServiceProvider services = app.Services;

        Assert.Equal("https://stpermits.blob.core.windows.net/", services.GetRequiredService<BlobServiceClient>().Uri.ToString());
        Assert.Equal("https://stpermits.queue.core.windows.net/", services.GetRequiredService<QueueServiceClient>().Uri.ToString());
        Assert.Equal("https://stpermits.table.core.windows.net/", services.GetRequiredService<TableServiceClient>().Uri.ToString());
        Assert.Equal("sb-permits.servicebus.windows.net", services.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);

        foreach (RetryOptions retry in new RetryOptions[]
        {
            services.GetRequiredService<IOptionsMonitor<BlobClientOptions>>().Get("Default").Retry,
            services.GetRequiredService<IOptionsMonitor<QueueClientOptions>>().Get("Default").Retry,
            services.GetRequiredService<IOptionsMonitor<TableClientOptions>>().Get("Default").Retry,
        })
        {
            Assert.Equal(AzureClients.MaxRetries, retry.MaxRetries);
            Assert.Equal(RetryMode.Exponential, retry.Mode);
            Assert.Equal(AzureClients.RetryDelay, retry.Delay);
            Assert.Equal(AzureClients.MaxRetryDelay, retry.MaxDelay);
        }

        Assert.Equal(QueueMessageEncoding.None, services.GetRequiredService<IOptionsMonitor<QueueClientOptions>>().Get("Default").MessageEncoding);
        ServiceBusRetryOptions busRetry = services.GetRequiredService<IOptionsMonitor<ServiceBusClientOptions>>().Get("Default").RetryOptions;
        Assert.Equal(AzureClients.MaxRetries, busRetry.MaxRetries);
        Assert.Equal(AzureClients.RetryDelay, busRetry.Delay);
    }

    [Fact]
    public async Task On_Azurite_the_clients_use_the_connection_string()
    {
        await using FunctionsApp app = FunctionsApp.Create(inMemoryPorts: false);
        Assert.Equal("devstoreaccount1", app.Services.GetRequiredService<BlobServiceClient>().AccountName);
        Assert.Equal("devstoreaccount1", app.Services.GetRequiredService<QueueServiceClient>().AccountName);
        Assert.Null(app.Services.GetService<ServiceBusClient>());
    }
}
