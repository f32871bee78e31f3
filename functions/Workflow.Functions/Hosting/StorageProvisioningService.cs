using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Adapters;

namespace Workflow.Functions.Hosting;

/// <summary>
/// Creates the app's tables, containers and queues when the worker starts (idempotent; the identity's data roles allow
/// it), as the local host does. It never stops the worker: a failure is logged and the first request that needs a
/// missing resource fails until the next start creates it.
/// </summary>
public sealed partial class StorageProvisioningService(StorageProvisioner provisioner, ILogger<StorageProvisioningService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await provisioner.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or InvalidOperationException or Azure.Identity.AuthenticationFailedException)
        {
            LogFailed(logger, e.GetType().Name, (e as RequestFailedException)?.Status ?? 0);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Creating the storage resources failed ({ExceptionType}, status {Status}); check the identity's storage roles")]
    static partial void LogFailed(ILogger logger, string exceptionType, int status);
}
