namespace Workflow.Application.Dashboard;

/// <summary>
/// One month's decisions (every outcome but withdrawal): how many, how many highly skilled and their share, how many on
/// files the screening raised fraud signals on (and of those, how many refused), the withdrawals, and the decisions
/// citing an excluded employer or director.
/// </summary>
public sealed record MonthEvaluation(
    string Month,
    int Decisions,
    int HighlySkilled,
    double? HighlySkilledShare,
    int WithSignals,
    int WithSignalsRefused,
    int Withdrawals,
    int Exclusions);
