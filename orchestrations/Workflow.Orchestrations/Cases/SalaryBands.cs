namespace Workflow.Orchestrations.Cases;

/// <summary>The salary bands of the evaluation: a salary as a share of its year's highly skilled threshold.</summary>
public static class SalaryBands
{
    public const string Below = "below-100";
    public const string UpTo110 = "100-110";
    public const string UpTo125 = "110-125";
    public const string UpTo150 = "125-150";
    public const string From150 = "150-plus";

    /// <summary>Every band, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Below, UpTo110, UpTo125, UpTo150, From150];

    /// <summary>The band of <paramref name="salary"/> against <paramref name="threshold"/> (lower bounds inclusive).</summary>
    public static string Of(decimal salary, decimal threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        decimal share = salary / threshold;
        return share < 1.00m ? Below : share < 1.10m ? UpTo110 : share < 1.25m ? UpTo125 : share < 1.50m ? UpTo150 : From150;
    }
}
