using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Adapters.Queues;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Finishes what a crash interrupted: every few seconds it sends the outbox rows that are still undispatched some time
/// after they were written (a publisher died between the insert and the send), then marks them dispatched.
/// </summary>
public sealed partial class OutboxRelay(
    TableServiceClient tables,
    IAlertDispatcher dispatcher,
    StorageNames names,
    TimeProvider time,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    /// <summary>How often the outbox is scanned.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>A row younger than this may still be dispatched by its publisher; it is left alone.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    readonly TableClient outbox = tables.GetTableClient(names.OutboxTable);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await this.RelayAsync(stoppingToken);
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Never stop the host: storage may be down for a moment. Type and status only (no message text).
                LogPassFailed(logger, e.GetType().Name, (e as RequestFailedException)?.Status ?? 0);
                await DelayQuietlyAsync(Interval, stoppingToken);
            }
        }
    }

    /// <summary>One pass: sends the undispatched rows older than <see cref="Grace"/>. Returns how many it sent.</summary>
    internal async Task<int> RelayAsync(CancellationToken cancellationToken)
    {
        int sent = 0;
        await foreach (OutboxRow row in this.outbox.QueryAsync<OutboxRow>("Dispatched eq false", cancellationToken: cancellationToken))
        {
            DateTimeOffset now = time.GetUtcNow();
            if (now - row.CreatedAt < Grace)
            {
                continue;
            }

            await row.DispatchAsync(this.outbox, dispatcher, now, cancellationToken);
            LogRelayed(logger, row.IdempotencyKey);
            sent++;
        }

        return sent;
    }

    static async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {IdempotencyKey} was left undispatched in the outbox; sent now")]
    static partial void LogRelayed(ILogger logger, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay pass failed ({ExceptionType}, status {Status}); retrying")]
    static partial void LogPassFailed(ILogger logger, string exceptionType, int status);
}
