using Azure;

namespace Workflow.Adapters.Storage;

/// <summary>The storage answers the adapters act on: they make retries and repeats harmless.</summary>
internal static class StorageErrors
{
    /// <summary>The row or blob exists already (a conditional insert lost, or was repeated).</summary>
    public static bool IsConflict(this RequestFailedException e) => e.Status == 409;

    /// <summary>The ETag no longer matches: somebody else wrote first.</summary>
    public static bool IsPreconditionFailed(this RequestFailedException e) => e.Status == 412;

    public static bool IsNotFound(this RequestFailedException e) => e.Status == 404;

    /// <summary>How often a read-compare-write loop tries before giving up (each try follows another writer's success).</summary>
    public const int OptimisticAttempts = 10;
}
