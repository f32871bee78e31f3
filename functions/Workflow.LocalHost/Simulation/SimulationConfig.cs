using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.LocalHost.Simulation;

/// <summary>
/// A capacity simulation's settings, read from one JSON file (simulations/peak-month.json is the sample). Days are
/// policy days counted from the start of the run; the README's "Simulating capacity" describes every field.
/// </summary>
public sealed record SimulationConfig
{
    /// <summary>Seeds the one <see cref="Random"/> every draw of the run comes from.</summary>
    public int Seed { get; init; } = 1;

    public int Applications { get; init; } = 100;

    /// <summary>Arrivals fall within the first this many policy days.</summary>
    public int PeriodDays { get; init; } = 30;

    /// <summary>Share of the inflow per category (weights; need not add up to 1).</summary>
    public IReadOnlyDictionary<string, double> Categories { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal) { ["highly-skilled"] = 1 };

    /// <summary>Relative inflow per day, repeated over the period (7 weights: a week; 30: a month). Empty: flat.</summary>
    public IReadOnlyList<double> DailyProfile { get; init; } = [];

    /// <summary>Relative inflow per calendar month (12 weights, January first): a year's seasonality. Empty: none.</summary>
    public IReadOnlyList<double> Seasonality { get; init; } = [];

    /// <summary>The month (1-12) day 0 falls in, for <see cref="Seasonality"/>.</summary>
    public int StartMonth { get; init; } = 1;

    public IReadOnlyList<PeakWindow> Peaks { get; init; } = [];

    public CaseworkerSettings Caseworkers { get; init; } = new();

    public ApplicantBehaviour Applicants { get; init; } = new();

    public FederalOfficeBehaviour FederalOffice { get; init; } = new();

    /// <summary>Real time per policy day; raised to the minimum the inflow needs (see <see cref="EngineBudget"/>).</summary>
    public TimeSpan PolicyDayLength { get; init; } = TimeSpan.FromSeconds(10);

    public EngineLimits Engine { get; init; } = new();

    /// <summary>The run stops this many policy days after the start even if applications are still open (they are reported as open).</summary>
    public int MaxDays { get; init; } = 120;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Reads a file; a missing member keeps its default, an unknown member is an error (a typo must not pass silently).</summary>
    public static SimulationConfig Read(string json) =>
        JsonSerializer.Deserialize<SimulationConfig>(json, Json) ?? throw new JsonException("The simulation file is empty.");

    /// <summary>What is wrong with these settings, one line each; empty when they can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (this.Applications is < 1 or > 100_000)
        {
            problems.Add("applications must be from 1 to 100000");
        }

        if (this.PeriodDays is < 1 or > 3660)
        {
            problems.Add("periodDays must be from 1 to 3660");
        }

        if (this.Categories.Count == 0 || this.Categories.Values.Any(w => w < 0 || !double.IsFinite(w)) || this.Categories.Values.Sum() <= 0)
        {
            problems.Add("categories must give at least one category a positive share, and none a negative one");
        }

        foreach (string category in this.Categories.Keys.Where(c => !SyntheticApplications.Categories.Contains(c, StringComparer.Ordinal)))
        {
            problems.Add($"categories: '{category}' is not one of {string.Join(", ", SyntheticApplications.Categories)}");
        }

        if (this.DailyProfile.Any(w => w < 0 || !double.IsFinite(w)) || (this.DailyProfile.Count > 0 && this.DailyProfile.Sum() <= 0))
        {
            problems.Add("dailyProfile weights must be zero or positive, and not all zero");
        }

        if (this.Seasonality.Count is not (0 or 12) || this.Seasonality.Any(w => w < 0 || !double.IsFinite(w)))
        {
            problems.Add("seasonality must be empty or 12 weights of zero or more (January first)");
        }

        if (this.StartMonth is < 1 or > 12)
        {
            problems.Add("startMonth must be from 1 to 12");
        }

        foreach (PeakWindow peak in this.Peaks)
        {
            if (peak.FromDay < 0 || peak.ToDay < peak.FromDay || peak.InflowFactor <= 0 || !double.IsFinite(peak.InflowFactor))
            {
                problems.Add($"peaks: {peak.Label ?? "a peak"} needs 0 <= fromDay <= toDay and an inflowFactor above 0");
            }
        }

        problems.AddRange(this.Caseworkers.Problems());
        problems.AddRange(this.Applicants.Problems());
        problems.AddRange(this.FederalOffice.Problems());
        if (this.PolicyDayLength <= TimeSpan.Zero)
        {
            problems.Add("policyDayLength must be longer than zero");
        }

        problems.AddRange(this.Engine.Problems());
        if (this.MaxDays < this.PeriodDays)
        {
            problems.Add("maxDays must be at least periodDays");
        }

        return problems;
    }
}
