namespace Workflow.LocalHost.Simulation;

/// <summary>
/// The caseworker pool: how many, how many decisions each takes per working day, which days of the week they work, and
/// the share of files they refuse (citing "the conditions of the category are not met").
/// </summary>
public sealed record CaseworkerSettings
{
    public int Count { get; init; } = 12;

    /// <summary>Decisions per caseworker per working day; a fraction spreads one decision over several days.</summary>
    public double DecisionsPerDay { get; init; } = 6;

    /// <summary>Working days per week (day 0 is a Monday): 5 leaves days 5 and 6 of each week without decisions.</summary>
    public int WorkingDaysPerWeek { get; init; } = 5;

    /// <summary>The share of files the caseworkers refuse (0 to 1); drawn per application from the seed.</summary>
    public double RefusalRate { get; init; }

    public IEnumerable<string> Problems()
    {
        if (this.Count is < 1 or > 1000)
        {
            yield return "caseworkers.count must be from 1 to 1000";
        }

        if (this.DecisionsPerDay is <= 0 or > 200 || !double.IsFinite(this.DecisionsPerDay))
        {
            yield return "caseworkers.decisionsPerDay must be above 0 and at most 200";
        }

        if (this.WorkingDaysPerWeek is < 1 or > 7)
        {
            yield return "caseworkers.workingDaysPerWeek must be from 1 to 7";
        }

        if (this.RefusalRate is < 0 or > 1 || !double.IsFinite(this.RefusalRate))
        {
            yield return "caseworkers.refusalRate must be from 0 to 1";
        }
    }
}
