using Microsoft.Extensions.Configuration;

namespace Workflow.Adapters.Parties;

/// <summary>
/// Section "Simulations": the simulated outside parties a host may use, each opted in by name
/// (<see cref="SimulatedParties"/>). None by default: a host without a real adapter for a party and without its name
/// here refuses to start (<see cref="OutsideParties"/>). Development and demo hosts only; the local host's
/// appsettings.json names them all.
/// </summary>
public sealed class SimulationSettings
{
    public const string Section = "Simulations";

    /// <summary>A list in JSON (<c>["authentic-sources", ...]</c>) or one comma-separated value (an app setting: <c>Simulations__Enabled=authentic-sources,payment-provider</c>).</summary>
    public IReadOnlyList<string> Enabled { get; init; } = [];

    public bool Has(string party) => this.Enabled.Contains(party, StringComparer.Ordinal);

    /// <summary>Reads the section; refuses a name that is no simulated party (a typo must not silently leave a party unserved).</summary>
    public static SimulationSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection section = configuration.GetSection($"{Section}:{nameof(Enabled)}");
        IEnumerable<string> values = section.Value is { } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(child => child.Value?.Trim()).OfType<string>().Where(value => value.Length > 0);
        string[] enabled = [.. values.Distinct(StringComparer.Ordinal)];
        string[] unknown = [.. enabled.Where(name => !SimulatedParties.All.Contains(name, StringComparer.Ordinal))];
        if (unknown.Length > 0)
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(Enabled)} names no simulated party as '{string.Join("', '", unknown)}'; the simulated parties are {string.Join(", ", SimulatedParties.All)}.");
        }

        return new SimulationSettings { Enabled = enabled };
    }
}
