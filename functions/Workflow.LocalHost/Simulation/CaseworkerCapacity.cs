namespace Workflow.LocalHost.Simulation;

/// <summary>
/// When the caseworker pool can decide: each caseworker takes a decision every 1/rate of a working day, the pool's
/// caseworkers staggered across the interval so decisions spread over the day; days off (the end of each week) have
/// none. A pure function of the settings: no draw, no clock.
/// </summary>
public static class CaseworkerCapacity
{
    /// <summary>Every slot from day 0 until <paramref name="untilDay"/> (exclusive), in time order.</summary>
    public static IReadOnlyList<DecisionSlot> Slots(CaseworkerSettings settings, double untilDay)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var slots = new List<DecisionSlot>();
        for (int caseworker = 0; caseworker < settings.Count; caseworker++)
        {
            // Working time, counted in working days: slot k falls at (k + phase) / rate.
            double phase = (caseworker + 0.5) / settings.Count;
            for (long k = 0; ; k++)
            {
                double working = (k + phase) / settings.DecisionsPerDay;
                double day = CalendarDay(settings, working);
                if (day >= untilDay)
                {
                    break;
                }

                slots.Add(new DecisionSlot(Math.Round(day, 6), caseworker));
            }
        }

        return [.. slots.OrderBy(s => s.Day).ThenBy(s => s.Caseworker)];
    }

    /// <summary>Whether the pool works on <paramref name="day"/> (day 0 is a Monday).</summary>
    public static bool IsWorkingDay(CaseworkerSettings settings, int day)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return day % 7 < settings.WorkingDaysPerWeek;
    }

    /// <summary>How many decisions the pool can take in days [from, to): its capacity over that span.</summary>
    public static double Capacity(CaseworkerSettings settings, int fromDay, int toDay)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int working = Enumerable.Range(fromDay, Math.Max(0, toDay - fromDay)).Count(d => IsWorkingDay(settings, d));
        return working * settings.Count * settings.DecisionsPerDay;
    }

    /// <summary>The calendar day (with its fraction) that a point of working time falls on.</summary>
    static double CalendarDay(CaseworkerSettings settings, double workingDays)
    {
        long whole = (long)Math.Floor(workingDays);
        long weeks = whole / settings.WorkingDaysPerWeek;
        long dayInWeek = whole % settings.WorkingDaysPerWeek;
        return (weeks * 7) + dayInWeek + (workingDays - whole);
    }
}
