using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Orchestrations.Policy;

namespace Workflow.Application.Recognition;

public static class RecognitionServiceCollectionExtensions
{
    /// <summary>
    /// The recognition follow-up's services (both hosts): its policy data, commands, queries and starter;
    /// <paramref name="withJob"/> adds the local host's start timer. A host (or a test) may bring its own <see cref="RecognitionPolicy"/>.
    /// </summary>
    public static IServiceCollection AddRecognitionFollowUps(this IServiceCollection services, bool withJob)
    {
        services.AddOptions<RecognitionSettings>().BindConfiguration(RecognitionSettings.Section)
            .Validate(s => s.StartInterval > TimeSpan.Zero, $"{RecognitionSettings.Section}:{nameof(RecognitionSettings.StartInterval)} must be positive.");
        services.TryAddSingleton(RecognitionPolicy.Embedded);
        services.AddTransient<RecognitionFollowUpStarter>();
        services.AddTransient<RecognitionCommands>();
        services.AddTransient<RecognitionQueries>();
        if (withJob)
        {
            services.AddHostedService<RecognitionStartJob>();
        }

        return services;
    }
}
