using System.Globalization;

namespace Workflow.UnitTests.Support;

/// <summary>Builds identifiers with correct check digits, independently of the production code (docs/design.md#identifiers).</summary>
internal static class CheckDigits
{
    /// <summary>
    /// An INSZ or BIS number: YYMMDD SSS CC with CC = 97 − (first 9 digits mod 97), a 2 prefixed to the 9 digits for
    /// births from 2000. <paramref name="monthField"/> is the month as written (month + 20 or + 40 for BIS; 0 unknown).
    /// </summary>
    public static string PersonNumber(int year, int monthField, int dayField, int sequence)
    {
        string nine = string.Create(CultureInfo.InvariantCulture, $"{year % 100:D2}{monthField:D2}{dayField:D2}{sequence:D3}");
        long value = long.Parse(nine, CultureInfo.InvariantCulture) + (year >= 2000 ? 2_000_000_000L : 0L);
        return nine + (97 - (value % 97)).ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>A KBO number: the 8 digits given and 97 − (those 8 digits mod 97).</summary>
    public static string Kbo(string firstEight) =>
        firstEight + (97 - (long.Parse(firstEight, CultureInfo.InvariantCulture) % 97)).ToString("D2", CultureInfo.InvariantCulture);
}
