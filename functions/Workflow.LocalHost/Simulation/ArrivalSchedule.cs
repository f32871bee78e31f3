using System.Diagnostics.CodeAnalysis;

namespace Workflow.LocalHost.Simulation;

/// <summary>
/// Plans every application of a run from its settings and seed: a pure function, so the same file gives the same
/// schedule. Each application takes its draws in a fixed order (day, time in the day, category, late payment and its
/// delay, missing document and its delay), every draw made whatever the outcome, so changing one share never shifts
/// the other draws; the caseworker's verdict is drawn from a second stream in arrival order.
/// </summary>
public static class ArrivalSchedule
{
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "A reproducible simulation, not secrets.")]
    public static IReadOnlyList<PlannedApplication> Plan(SimulationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var random = new Random(config.Seed);
        double[] dayWeights = DayWeights(config);
        double[] dayCumulative = Cumulative(dayWeights);
        string[] categories = [.. config.Categories.Keys.Order(StringComparer.Ordinal)];
        double[] categoryCumulative = Cumulative([.. categories.Select(c => config.Categories[c])]);
        ApplicantBehaviour applicants = config.Applicants;

        var planned = new List<(double Day, string Category, double? Late, double? Missing)>(config.Applications);
        for (int i = 0; i < config.Applications; i++)
        {
            int day = Pick(dayCumulative, random.NextDouble());
            double timeInDay = random.NextDouble();
            string category = categories[Pick(categoryCumulative, random.NextDouble())];
            double lateRoll = random.NextDouble(), lateDelay = random.NextDouble();
            double missingRoll = random.NextDouble(), missingDelay = random.NextDouble();
            planned.Add((
                day + timeInDay,
                category,
                lateRoll < applicants.LatePaymentShare && SyntheticApplications.HasFee(category) ? Math.Round(applicants.LatePaymentDays.At(lateDelay), 3) : null,
                missingRoll < applicants.MissingDocumentShare ? Math.Round(applicants.MissingDocumentDays.At(missingDelay), 3) : null));
        }

        // The caseworkers' verdicts come from a stream of their own, so a refusal rate leaves the arrivals as they were.
        var verdicts = new Random(unchecked((config.Seed * 31) + 7));
        return [.. planned.OrderBy(p => p.Day).Select((p, index) =>
            new PlannedApplication(index + 1, Math.Round(p.Day, 4), p.Category, p.Late, p.Missing, verdicts.NextDouble() < config.Caseworkers.RefusalRate))];
    }

    /// <summary>The relative inflow of each day of the period: the daily profile, the season, and the peaks' factors.</summary>
    public static double[] DayWeights(SimulationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var weights = new double[config.PeriodDays];
        for (int day = 0; day < weights.Length; day++)
        {
            double weight = config.DailyProfile.Count == 0 ? 1 : config.DailyProfile[day % config.DailyProfile.Count];
            if (config.Seasonality.Count == 12)
            {
                int month = (config.StartMonth - 1 + (int)(day / (365.25 / 12))) % 12;
                weight *= config.Seasonality[month];
            }

            foreach (PeakWindow peak in config.Peaks.Where(p => p.Covers(day)))
            {
                weight *= peak.InflowFactor;
            }

            weights[day] = weight;
        }

        return weights.Sum() > 0 ? weights : throw new ArgumentException("The inflow weights of the period are all zero.", nameof(config));
    }

    /// <summary>The expected arrivals on the busiest day: what the policy day's length must accommodate.</summary>
    public static double PeakDailyInflow(SimulationConfig config)
    {
        double[] weights = DayWeights(config);
        return config.Applications * weights.Max() / weights.Sum();
    }

    static double[] Cumulative(double[] weights)
    {
        double total = weights.Sum();
        var cumulative = new double[weights.Length];
        double running = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }

        return cumulative;
    }

    static int Pick(double[] cumulative, double uniform)
    {
        for (int i = 0; i < cumulative.Length; i++)
        {
            if (uniform < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
