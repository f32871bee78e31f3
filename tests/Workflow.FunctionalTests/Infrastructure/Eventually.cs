namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>
/// Waits for a state the system exposes only by being asked (the status API, a table row). Each probe is a real
/// read; the short pause between probes is the polling interval, not a stand-in for an event.
/// </summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            T? value = await probe();
            if (value is not null)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    public static async Task HoldsAsync(Func<Task<bool>> probe, TimeSpan timeout, string what) =>
        await ReturnsAsync(async () => await probe() ? string.Empty : null, timeout, what);
}
