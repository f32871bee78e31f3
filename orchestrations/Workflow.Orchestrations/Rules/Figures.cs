using System.Globalization;

namespace Workflow.Orchestrations.Rules;

/// <summary>How figures read in rule explanations: invariant culture, so an explanation never depends on the server's locale.</summary>
internal static class Figures
{
    /// <summary>An amount in euro with thousands separators and cents: "48,912.00 EUR".</summary>
    public static string Eur(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture) + " EUR";

    /// <summary>An amount in euro cents as euro.</summary>
    public static string EurCents(long cents) => Eur(cents / 100m);

    /// <summary>An ISO date: "2026-05-15".</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number with at most two decimals: "90", "89.9", "1.25".</summary>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A count of days with its weeks when whole: "63 days (9 weeks)", "62 days".</summary>
    public static string Days(int days) =>
        days > 0 && days % 7 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{days} days ({days / 7} weeks)")
            : string.Create(CultureInfo.InvariantCulture, $"{days} {(days == 1 ? "day" : "days")}");

    /// <summary>A score 0–100 from a value in [0, 1], rounded half away from zero; at least 1 when the signal is raised.</summary>
    public static int Score(decimal fraction)
    {
        decimal clamped = Math.Clamp(fraction, 0m, 1m);
        int score = (int)Math.Round(clamped * 100m, MidpointRounding.AwayFromZero);
        return Math.Clamp(score, 1, 100);
    }
}
