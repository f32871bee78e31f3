using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Application.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The retention service and its settings (both hosts); <paramref name="withJob"/> adds the local host's timer.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, bool withJob)
    {
        services.AddOptions<RetentionSettings>().BindConfiguration(RetentionSettings.Section);
        services.AddTransient<RetentionService>();
        if (withJob)
        {
            services.AddHostedService<RetentionJob>();
        }

        return services;
    }
}
