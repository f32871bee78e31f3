namespace Workflow.LocalHost.Bench;

/// <summary>
/// One part of where an application's time went (<see cref="EngineHistory.TimeSplit"/>): its mean over the completed
/// instances, in seconds, and its share of their mean start → end. The parts of a side add up to that whole.
/// </summary>
public sealed record TimePart(string Part, double MeanSeconds, double Share)
{
    /// <summary>The mean of each part over <paramref name="splits"/> (a part an instance lacks counts 0 for it), largest first.</summary>
    public static IReadOnlyList<TimePart> MeansOf(IReadOnlyCollection<IReadOnlyDictionary<string, double>> splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        if (splits.Count == 0)
        {
            return [];
        }

        double whole = splits.Sum(s => s.Values.Sum()) / splits.Count;
        return [.. splits.SelectMany(s => s)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .Select(g => (Part: g.Key, Mean: g.Sum(p => p.Value) / splits.Count))
            .Select(p => new TimePart(p.Part, Math.Round(p.Mean, 3), whole > 0 ? Math.Round(p.Mean / whole, 3) : 0))
            .OrderByDescending(p => p.MeanSeconds)
            .ThenBy(p => p.Part, StringComparer.Ordinal)];
    }
}
