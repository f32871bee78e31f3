using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Application.Recognition;

/// <summary>Runs <see cref="RecognitionFollowUpStarter"/> on a timer in the local host (the Functions app has a timer function instead).</summary>
public sealed partial class RecognitionStartJob(IServiceProvider services, IOptions<RecognitionSettings> settings, ILogger<RecognitionStartJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // First run one interval after start: at start the engine's sidecar may not serve yet.
        using var timer = new PeriodicTimer(settings.Value.StartInterval);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await services.GetRequiredService<RecognitionFollowUpStarter>().StartRequestedAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Type only: the next tick tries again; every step is idempotent.
                LogFailed(logger, e.GetType().Name);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting recognition follow-ups failed ({ExceptionType}); it runs again at the next tick")]
    static partial void LogFailed(ILogger logger, string exceptionType);
}
