using Azure.Core;

namespace Workflow.Adapters;

/// <summary>The retry policy of every Blob and Table client both hosts create: a few quick exponential retries.</summary>
public static class StorageClientRetry
{
    public static T Apply<T>(T options)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.MaxRetries = 3;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        return options;
    }
}
