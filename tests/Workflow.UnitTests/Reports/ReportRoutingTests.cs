using Workflow.Application.Reports;
using Workflow.Orchestrations.Reports;

namespace Workflow.UnitTests.Reports;

/// <summary>§2.8: labour signals reach the Flemish social inspection, housing signals the housing inspection, both when both; forwards pass a report between them.</summary>
public sealed class ReportRoutingTests
{
    [Theory]
    [InlineData(MisuseSignal.Underpayment, Inspection.Social)]
    [InlineData(MisuseSignal.UnpaidHours, Inspection.Social)]
    [InlineData(MisuseSignal.UnauthorisedWork, Inspection.Social)]
    [InlineData(MisuseSignal.OvercrowdedHousing, Inspection.Housing)]
    [InlineData(MisuseSignal.UnsafeHousing, Inspection.Housing)]
    public void Each_signal_belongs_to_one_inspection(MisuseSignal signal, Inspection inspection) =>
        Assert.Equal(inspection, ReportRouting.InspectionOf(signal));

    [Fact]
    public void Every_signal_has_an_inspection() =>
        Assert.All(Enum.GetValues<MisuseSignal>(), s => Assert.Contains(ReportRouting.InspectionOf(s), Enum.GetValues<Inspection>()));

    [Fact]
    public void Labour_signals_go_to_the_social_inspection_only()
    {
        Assert.Equal([Inspection.Social], ReportRouting.InspectionsFor([MisuseSignal.UnpaidHours, MisuseSignal.Underpayment]));
    }

    [Fact]
    public void Housing_signals_go_to_the_housing_inspection_only()
    {
        Assert.Equal([Inspection.Housing], ReportRouting.InspectionsFor([MisuseSignal.UnsafeHousing]));
    }

    [Fact]
    public void Labour_and_housing_signals_go_to_both_each_once()
    {
        Assert.Equal(
            [Inspection.Social, Inspection.Housing],
            ReportRouting.InspectionsFor([MisuseSignal.OvercrowdedHousing, MisuseSignal.Underpayment, MisuseSignal.UnsafeHousing, MisuseSignal.UnauthorisedWork]));
    }

    [Fact]
    public void A_routed_report_is_open_with_each_inspection_and_not_settled()
    {
        IReadOnlyList<ReportPlacement> placements = ReportTriage.Route([MisuseSignal.Underpayment, MisuseSignal.UnsafeHousing]);

        Assert.Equal([new ReportPlacement(Inspection.Social, PlacementState.Open), new ReportPlacement(Inspection.Housing, PlacementState.Open)], placements);
        Assert.False(ReportTriage.IsSettled(placements));
        Assert.Equal(ReportProgress.WithSocialAndHousingInspections, MisuseReportService.Progress(placements));
        Assert.Equal(ReportProgress.Received, MisuseReportService.Progress([]));
    }

    [Fact]
    public void A_forward_passes_the_report_to_the_other_inspection_even_one_that_had_closed_it()
    {
        IReadOnlyList<ReportPlacement> social = ReportTriage.Route([MisuseSignal.UnpaidHours]);
        IReadOnlyList<ReportPlacement> forwarded = ReportTriage.Apply(social, new ReportAction("F-1", ReportActionKind.Forward, Inspection.Social))!;

        Assert.Equal([new ReportPlacement(Inspection.Social, PlacementState.Forwarded), new ReportPlacement(Inspection.Housing, PlacementState.Open)], forwarded);
        Assert.Equal(ReportProgress.WithHousingInspection, MisuseReportService.Progress(forwarded));

        IReadOnlyList<ReportPlacement> closed = ReportTriage.Apply(forwarded, new ReportAction("C-1", ReportActionKind.Close, Inspection.Housing))!;
        Assert.True(ReportTriage.IsSettled(closed));
        Assert.Equal(ReportProgress.Closed, MisuseReportService.Progress(closed));

        IReadOnlyList<ReportPlacement> both = ReportTriage.Route([MisuseSignal.UnpaidHours, MisuseSignal.UnsafeHousing]);
        IReadOnlyList<ReportPlacement> housingClosed = ReportTriage.Apply(both, new ReportAction("C-2", ReportActionKind.Close, Inspection.Housing))!;
        IReadOnlyList<ReportPlacement> reopened = ReportTriage.Apply(housingClosed, new ReportAction("F-2", ReportActionKind.Forward, Inspection.Social))!;
        Assert.Equal([new ReportPlacement(Inspection.Social, PlacementState.Forwarded), new ReportPlacement(Inspection.Housing, PlacementState.Open)], reopened);
    }

    [Fact]
    public void An_inspection_that_does_not_hold_the_report_open_can_neither_forward_nor_close_it()
    {
        IReadOnlyList<ReportPlacement> housing = ReportTriage.Route([MisuseSignal.OvercrowdedHousing]);

        Assert.Null(ReportTriage.Apply(housing, new ReportAction("F-1", ReportActionKind.Forward, Inspection.Social)));
        IReadOnlyList<ReportPlacement> closed = ReportTriage.Apply(housing, new ReportAction("C-1", ReportActionKind.Close, Inspection.Housing))!;
        Assert.Null(ReportTriage.Apply(closed, new ReportAction("C-2", ReportActionKind.Close, Inspection.Housing)));
    }
}
