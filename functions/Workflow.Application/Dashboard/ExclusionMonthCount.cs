namespace Workflow.Application.Dashboard;

/// <summary>
/// The exclusion registry's activity in a month (its entries are dated in real time, Brussels calendar): exclusions
/// proposed, confirmed by a second person (in force from then), and lifted (the lift confirmed).
/// </summary>
public sealed record ExclusionMonthCount(string Month, int Proposed, int Confirmed, int Lifted);
