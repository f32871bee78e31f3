namespace Workflow.LocalHost.Simulation;

/// <summary>
/// Where a run's host keeps its state: its own task hub and storage name prefix (<see cref="Name"/>) on
/// <see cref="Storage"/>, so a running local host on the same Azurite is not disturbed; <see cref="Settings"/> are
/// extra host settings (<c>--Section:Key=value</c>).
/// </summary>
public sealed record SimulationHost(string Name, string Storage, IReadOnlyList<string> Settings)
{
    /// <summary>A fresh name: the prefix ("sim", "bench") and the UTC time to the second (task hubs and prefixes take letters and digits only).</summary>
    public static string NewName(DateTimeOffset now, string prefix = "sim") => prefix + now.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
}
