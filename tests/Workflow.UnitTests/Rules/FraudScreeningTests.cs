using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Rules;
using static Workflow.UnitTests.Rules.RuleFacts;

namespace Workflow.UnitTests.Rules;

/// <summary>
/// Fraud screening (§2.1, docs/policy.md; signals, not verdicts): scored 0–100 and explained, each pattern at its
/// (placeholder) threshold and around it, and a clean employer without any signal.
/// </summary>
public class FraudScreeningTests
{
    static readonly DateOnly Today = D("2026-03-02");

    /// <summary>A clean employer: 50 workers, 20% non-EU, 3 applications, 5 admitted and retained, wages paid as contracted.</summary>
    static readonly EmployerFacts Clean = new(
        Headcount: 50,
        NonEuSharePercent: 20m,
        ApplicationsLast12Months: 3,
        AdmittedWorkersLast24Months: 5,
        AdmittedNeverInDimona: 0,
        AdmittedLeftWithin3Months: 0,
        DeclaredMonthlyWageOfAdmitted: 3_000m,
        ContractMonthlyWageOfAdmitted: 3_000m);

    static IReadOnlyList<FraudSignal> Screen(EmployerFacts facts) => FraudScreening.Evaluate(facts, Catalog, Today);

    [Fact]
    public void Section_2_1_a_clean_employer_raises_no_signal()
    {
        Assert.Empty(Screen(Clean));
        Assert.Empty(Screen(Clean with { DeclaredMonthlyWageOfAdmitted = null, ContractMonthlyWageOfAdmitted = null }));
    }

    public static TheoryData<int, int, int> HubByRatio => new()
    {
        { 10, 9, 0 },    // 0.9 applications per worker: below the threshold of 1
        { 10, 10, 50 },  // exactly at the threshold
        { 10, 15, 75 },
        { 10, 20, 100 }, // twice the threshold
        { 10, 40, 100 },
        { 0, 3, 100 },   // applications without any worker on the payroll
        { 0, 2, 0 },     // fewer than 3 applications are not scored
        { 1, 2, 0 },
    };

    [Theory]
    [MemberData(nameof(HubByRatio))]
    public void Section_2_1_economic_hub_by_applications_against_the_real_workforce(int headcount, int applications, int score)
    {
        IReadOnlyList<FraudSignal> signals = Screen(Clean with { Headcount = headcount, ApplicationsLast12Months = applications, NonEuSharePercent = 0m });

        if (ExpectedSignal(signals, SignalKind.EconomicHub, score, "economic-hub") is not FraudSignal signal)
        {
            return;
        }

        Assert.Contains($"{applications} applications in the last 12 months", signal.Explanation, StringComparison.Ordinal);
        Assert.Contains("A signal, not a verdict", signal.Explanation, StringComparison.Ordinal);
        Assert.Contains("placeholders (policy entry fraud-screening-placeholder)", signal.Explanation, StringComparison.Ordinal);
        if (headcount > 0)
        {
            Assert.Contains($"against a workforce of {headcount} (Dimona)", signal.Explanation, StringComparison.Ordinal);
            Assert.Contains("at or above the threshold of 1", signal.Explanation, StringComparison.Ordinal);
        }
    }

    public static TheoryData<int, int, int, int, string> HubByRetention => new()
    {
        // admitted, never in Dimona, left within 3 months, score, explanation
        { 10, 1, 0, 0, "" },
        { 10, 2, 0, 50, "2 never appeared in Dimona and 0 left within three months: 20% not retained, at or above the threshold of 20%" },
        { 10, 6, 0, 75, "6 never appeared in Dimona" },
        { 10, 0, 2, 50, "0 never appeared in Dimona and 2 left within three months: 20% not retained" },
        { 10, 0, 10, 100, "10 left within three months: 100% not retained" },
        { 10, 1, 1, 50, "1 never appeared in Dimona and 1 left within three months: 20% not retained" },
        { 2, 2, 0, 0, "" }, // fewer than 3 admitted workers are not scored
    };

    [Theory]
    [MemberData(nameof(HubByRetention))]
    public void Section_2_1_economic_hub_by_admitted_workers_never_in_Dimona_or_gone_within_three_months(int admitted, int never, int left, int score, string explanation)
    {
        IReadOnlyList<FraudSignal> signals = Screen(Clean with
        {
            AdmittedWorkersLast24Months = admitted,
            AdmittedNeverInDimona = never,
            AdmittedLeftWithin3Months = left,
        });

        if (ExpectedSignal(signals, SignalKind.EconomicHub, score, "economic-hub") is not FraudSignal signal)
        {
            return;
        }

        Assert.Contains($"Of {admitted} workers admitted in the last 24 months", signal.Explanation, StringComparison.Ordinal);
        Assert.Contains(explanation, signal.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<decimal, int> NonEuShares => new()
    {
        { 89.9m, 0 },
        { 90m, 50 },
        { 95m, 75 },
        { 100m, 100 },
    };

    [Theory]
    [MemberData(nameof(NonEuShares))]
    public void Section_2_1_almost_exclusively_non_EU_workforce_rises_from_90_percent(decimal share, int score)
    {
        IReadOnlyList<FraudSignal> signals = Screen(Clean with { NonEuSharePercent = share });

        if (ExpectedSignal(signals, SignalKind.NonEuWorkforce, score, "non-eu-workforce-only") is not FraudSignal signal)
        {
            return;
        }

        Assert.Contains(FormattableString.Invariant($"Non-EU workers make up {share:0.##}% of a workforce of 50"), signal.Explanation, StringComparison.Ordinal);
        Assert.Contains("at or above the threshold of 90% (a placeholder", signal.Explanation, StringComparison.Ordinal);
        Assert.Contains("ignores the available labour reserve", signal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_2_1_no_non_EU_signal_without_a_workforce()
    {
        Assert.Empty(Screen(Clean with { Headcount = 0, ApplicationsLast12Months = 0, NonEuSharePercent = 100m }));
    }

    public static TheoryData<decimal, int, string> WageRatios => new()
    {
        { 2_730m, 0, "" },     // 0.91
        { 2_700m, 50, "2,700.00 EUR for workers admitted earlier, against 3,000.00 EUR in their contracts: 0.9 of the contract wage, at or below the threshold of 0.9" },
        { 1_500m, 72, "1,500.00 EUR for workers admitted earlier, against 3,000.00 EUR in their contracts: 0.5 of the contract wage" },
        { 0m, 100, "0.00 EUR" },
    };

    [Theory]
    [MemberData(nameof(WageRatios))]
    public void Section_2_1_wages_not_paid_as_declared_DMFA_against_the_contract(decimal declared, int score, string explanation)
    {
        IReadOnlyList<FraudSignal> signals = Screen(Clean with { DeclaredMonthlyWageOfAdmitted = declared, ContractMonthlyWageOfAdmitted = 3_000m });

        if (ExpectedSignal(signals, SignalKind.WagesNotPaidAsDeclared, score, "category-conditions-not-met") is not FraudSignal signal)
        {
            return;
        }

        Assert.Contains(explanation, signal.Explanation, StringComparison.Ordinal);
        Assert.Contains("Mainly for renewals and controls after a grant", signal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_2_1_signals_come_highest_score_first()
    {
        EmployerFacts facts = Clean with
        {
            NonEuSharePercent = 95m,             // 75
            ApplicationsLast12Months = 100,      // 2 per worker: 100
            DeclaredMonthlyWageOfAdmitted = 2_700m, // 50
        };

        IReadOnlyList<FraudSignal> signals = Screen(facts);

        Assert.Equal([SignalKind.EconomicHub, SignalKind.NonEuWorkforce, SignalKind.WagesNotPaidAsDeclared], signals.Select(s => s.Kind));
        Assert.Equal([100, 75, 50], signals.Select(s => s.Score));
    }

    [Fact]
    public void Section_2_1_thresholds_come_from_the_data_in_force()
    {
        EmployerFacts facts = Clean with { NonEuSharePercent = 100m };

        Assert.Empty(FraudScreening.Evaluate(facts, Catalog, D("2018-12-31")));
        Assert.Single(FraudScreening.Evaluate(facts, Catalog, D("2019-01-01")));

        FraudScreeningEntry stricter = Catalog.Data.FraudScreening[0] with { Id = "stricter", NonEuSharePercent = 80m };
        FraudSignal signal = Assert.Single(FraudScreening.Evaluate(Clean with { NonEuSharePercent = 80m }, stricter));
        Assert.Equal(50, signal.Score);
        Assert.Contains("policy entry stricter", signal.Explanation, StringComparison.Ordinal);
    }

    /// <summary>No signal when the expected score is 0; otherwise exactly one, of that kind and score, citing §2.1 and supporting that ground.</summary>
    static FraudSignal? ExpectedSignal(IReadOnlyList<FraudSignal> signals, SignalKind kind, int score, string ground)
    {
        if (score == 0)
        {
            Assert.Empty(signals);
            return null;
        }

        FraudSignal signal = Assert.Single(signals);
        Assert.Equal(kind, signal.Kind);
        Assert.Equal(score, signal.Score);
        Assert.Equal(ground, signal.SupportsGround);
        Assert.Equal("§2.1", signal.Section);
        return signal;
    }
}
