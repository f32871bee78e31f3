namespace Workflow.Application.Dashboard;

/// <summary>
/// The evaluation of §2.10: the granted highly skilled workers' salaries against their year's threshold as counts per
/// band (counts of 1 to 4 suppressed: null), and per month the decisions taken with the share of highly skilled among
/// them, the decisions on files with fraud signals, the withdrawals and the exclusions.
/// </summary>
public sealed record DashboardEvaluation(IReadOnlyList<SalaryBandCount> SalaryBands, IReadOnlyList<MonthEvaluation> Months, IReadOnlyList<SignalCount> Signals);
