namespace Workflow.Orchestrations.Reports;

/// <summary>
/// The triage of a report as pure functions over its placements: routed to the inspections its signals reach, passed
/// on by a forward (the other inspection's queue gets it, again if it had closed it), done when no inspection holds it open.
/// </summary>
public static class ReportTriage
{
    public static IReadOnlyList<ReportPlacement> Route(IEnumerable<MisuseSignal> signals) =>
        [.. ReportRouting.InspectionsFor(signals).Select(i => new ReportPlacement(i, PlacementState.Open))];

    /// <summary>Whether <paramref name="inspection"/> holds the report open, so it may forward or close it.</summary>
    public static bool HoldsOpen(IReadOnlyList<ReportPlacement> placements, Inspection inspection)
    {
        ArgumentNullException.ThrowIfNull(placements);
        return placements.Any(p => p.Inspection == inspection && p.State == PlacementState.Open);
    }

    /// <summary>The placements after <paramref name="action"/>, or null when its inspection does not hold the report open.</summary>
    public static IReadOnlyList<ReportPlacement>? Apply(IReadOnlyList<ReportPlacement> placements, ReportAction action)
    {
        ArgumentNullException.ThrowIfNull(placements);
        ArgumentNullException.ThrowIfNull(action);
        if (!HoldsOpen(placements, action.From))
        {
            return null;
        }

        var next = placements.ToDictionary(p => p.Inspection, p => p.State);
        if (action.Kind == ReportActionKind.Close)
        {
            next[action.From] = PlacementState.Closed;
        }
        else
        {
            next[action.From] = PlacementState.Forwarded;
            next[ReportRouting.Other(action.From)] = PlacementState.Open;
        }

        return [.. next.OrderBy(p => p.Key).Select(p => new ReportPlacement(p.Key, p.Value))];
    }

    public static bool IsSettled(IReadOnlyList<ReportPlacement> placements)
    {
        ArgumentNullException.ThrowIfNull(placements);
        return placements.Count > 0 && placements.All(p => p.State != PlacementState.Open);
    }
}
