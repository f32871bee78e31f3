using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Application.Recognition;

/// <summary>Runs <see cref="RecognitionFollowUpStarter"/> on a timer in the local host (the Functions app has a timer function instead).</summary>
public sealed class RecognitionStartJob(IServiceProvider services, IOptions<RecognitionSettings> settings, ILogger<RecognitionStartJob> logger)
    : PeriodicJob(settings.Value.StartInterval, logger)
{
    protected override string Name => "Starting recognition follow-ups";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<RecognitionFollowUpStarter>().StartRequestedAsync(cancellationToken);
}
