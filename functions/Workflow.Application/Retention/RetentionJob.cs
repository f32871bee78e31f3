using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Application.Retention;

/// <summary>Runs <see cref="RetentionService"/> on a timer in the local host (the Functions app has a timer function instead).</summary>
public sealed class RetentionJob(IServiceProvider services, IOptions<RetentionSettings> settings, ILogger<RetentionJob> logger)
    : PeriodicJob(settings.Value.Interval, logger)
{
    protected override string Name => "The retention run";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<RetentionService>().RunAsync(cancellationToken);
}
