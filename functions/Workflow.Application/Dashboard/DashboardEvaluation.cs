namespace Workflow.Application.Dashboard;

/// <summary>
/// The evaluation of §2.10: the granted highly skilled workers' salaries against their year's threshold as counts per
/// band (counts of 1 to 4 suppressed: null); per month the decisions taken with the share of highly skilled among them,
/// the decisions on files with fraud signals, the withdrawals and the decisions citing an exclusion; the outcomes per
/// category (the professional cards among them); and the exclusion registry's proposals, confirmations and lifts.
/// </summary>
public sealed record DashboardEvaluation(
    IReadOnlyList<SalaryBandCount> SalaryBands,
    IReadOnlyList<MonthEvaluation> Months,
    IReadOnlyList<SignalCount> Signals,
    IReadOnlyList<CategoryOutcomeCount> CategoryOutcomes,
    IReadOnlyList<ExclusionMonthCount> Registry);
