using Microsoft.DurableTask.Client;

namespace Workflow.Application.Commands;

/// <summary>
/// Waits for a workflow instance to reach a state, by reading it from the engine every quarter of a second (the local
/// sidecar's own waits are not relied on), for at most a given time.
/// </summary>
public static class InstanceWaits
{
    static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>True once <paramref name="reached"/> holds for the instance as the engine reads it; false when <paramref name="patience"/> ran out first.</summary>
    public static async Task<bool> UntilAsync(
        DurableTaskClient client, string instanceId, Func<OrchestrationMetadata?, bool> reached, TimeSpan patience, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(reached);
        ArgumentNullException.ThrowIfNull(time);
        DateTimeOffset until = time.GetUtcNow() + patience;
        while (true)
        {
            if (reached(await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)))
            {
                return true;
            }

            if (time.GetUtcNow() >= until)
            {
                return false;
            }

            await Task.Delay(PollEvery, time, cancellationToken);
        }
    }
}
