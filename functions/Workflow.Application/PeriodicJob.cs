using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflow.Application;

/// <summary>
/// A piece of housekeeping the local host runs on a timer (the Functions app has a timer function for each instead):
/// first one interval after start (the engine's sidecar may not serve yet, and nothing is urgent), then every interval.
/// A failed run is logged by its exception type only and tried again at the next tick: every step of every job is
/// idempotent, so nothing is left half-done.
/// </summary>
public abstract partial class PeriodicJob(TimeSpan interval, ILogger logger) : BackgroundService
{
    /// <summary>The job's name in the log.</summary>
    protected abstract string Name { get; }

    /// <summary>One run.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await this.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, this.Name, e.GetType().Name);
            }
        }
    }

    static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed ({ExceptionType}); it runs again at the next tick")]
    static partial void LogFailed(ILogger logger, string job, string exceptionType);
}
