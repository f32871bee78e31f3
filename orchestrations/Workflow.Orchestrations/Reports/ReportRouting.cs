namespace Workflow.Orchestrations.Reports;

/// <summary>
/// Which inspection a signal belongs to: labour signals to the Flemish social inspection, housing signals to the
/// housing inspection, a report with both to both. Pure, so the workflow and the tests share it.
/// </summary>
public static class ReportRouting
{
    public static Inspection InspectionOf(MisuseSignal signal) => signal switch
    {
        MisuseSignal.Underpayment or MisuseSignal.UnpaidHours or MisuseSignal.UnauthorisedWork => Inspection.Social,
        MisuseSignal.OvercrowdedHousing or MisuseSignal.UnsafeHousing => Inspection.Housing,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Not a misuse signal."),
    };

    /// <summary>The inspections the signals reach, each once, social before housing.</summary>
    public static IReadOnlyList<Inspection> InspectionsFor(IEnumerable<MisuseSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return [.. signals.Select(InspectionOf).Distinct().Order()];
    }

    /// <summary>Where a forwarded report goes: the other inspection.</summary>
    public static Inspection Other(Inspection inspection) =>
        inspection == Inspection.Social ? Inspection.Housing : Inspection.Social;
}
