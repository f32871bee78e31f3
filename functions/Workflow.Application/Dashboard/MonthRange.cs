using System.Globalization;

namespace Workflow.Application.Dashboard;

/// <summary>The months the KPIs cover, both included (yyyy-MM); at most <see cref="MaxMonths"/> of them.</summary>
public sealed record MonthRange(string From, string To)
{
    public const int MaxMonths = 60;

    /// <summary>Whether <paramref name="month"/> (yyyy-MM) lies in the range.</summary>
    public bool Contains(string month) => string.CompareOrdinal(month, this.From) >= 0 && string.CompareOrdinal(month, this.To) <= 0;

    /// <summary>The range the query's <c>from</c> and <c>to</c> name (null when neither is given: every month), or why not.</summary>
    public static (MonthRange? Range, string? Problem) Parse(string? from, string? to)
    {
        if (from is null && to is null)
        {
            return (null, null);
        }

        if (!TryMonth(from, out DateOnly first) || !TryMonth(to, out DateOnly last))
        {
            return (null, "from and to are both needed, each a month as yyyy-MM (for example 2026-09).");
        }

        if (last < first)
        {
            return (null, "to must not be before from.");
        }

        int months = ((last.Year - first.Year) * 12) + last.Month - first.Month + 1;
        return months > MaxMonths
            ? (null, $"A range covers at most {MaxMonths} months; this one covers {months}.")
            : (new MonthRange(from!, to!), null);
    }

    static bool TryMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month) && text!.Length == 7;
}
