using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Workflow.Application.Dashboard;
using Workflow.Application.Retention;
using Workflow.LocalHost.Driving;
using Workflow.LocalHost.Engine;
using Workflow.LocalHost.Simulation;

namespace Workflow.FunctionalTests.Simulation;

/// <summary>The simulation's model without a host: the arrival schedule, the caseworker pool's capacity, the statistics.</summary>
public sealed class SimulationModelTests
{
    static SimulationConfig Config(int seed = 11) => new()
    {
        Seed = seed,
        Applications = 400,
        PeriodDays = 28,
        Categories = new Dictionary<string, double>(StringComparer.Ordinal) { ["highly-skilled"] = 1, ["medium-skilled-shortage"] = 3 },
        DailyProfile = [1, 1, 1, 1, 1, 0, 0],
        Peaks = [new PeakWindow(7, 13, 3, Declared: true, "peak")],
        Applicants = new ApplicantBehaviour { LatePaymentShare = 0.25, LatePaymentDays = new DayRange(1, 5), MissingDocumentShare = 0.5, MissingDocumentDays = new DayRange(2, 4) },
    };

    [Fact]
    public void The_same_seed_gives_the_same_schedule_and_another_seed_another()
    {
        IReadOnlyList<PlannedApplication> first = ArrivalSchedule.Plan(Config());
        IReadOnlyList<PlannedApplication> again = ArrivalSchedule.Plan(Config());
        IReadOnlyList<PlannedApplication> other = ArrivalSchedule.Plan(Config(seed: 12));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(400, first.Count);
        Assert.Equal(Enumerable.Range(1, 400), first.Select(p => p.Number));
        Assert.True(first.Zip(first.Skip(1)).All(pair => pair.First.ArrivalDay <= pair.Second.ArrivalDay), "the schedule is in arrival order");
    }

    [Fact]
    public void Arrivals_follow_the_profile_the_peaks_and_the_shares()
    {
        IReadOnlyList<PlannedApplication> plan = ArrivalSchedule.Plan(Config());

        // Weekends (days 5 and 6 of each week) have weight 0: nobody arrives; the peak week has three times the inflow.
        Assert.DoesNotContain(plan, p => (int)p.ArrivalDay % 7 >= 5);
        int peakWeek = plan.Count(p => p.ArrivalDay is >= 7 and < 14);
        int otherWeeks = plan.Count(p => p.ArrivalDay is < 7 or >= 14);
        Assert.InRange(peakWeek / (otherWeeks / 3.0), 2.4, 3.6); // expected 3; 400 draws keep it within ±20 %
        Assert.All(plan, p => Assert.InRange(p.ArrivalDay, 0, 28));

        // Shares: 1 : 3; the work card has no fee, so only fee-paying categories pay late; delays within their bounds.
        Assert.InRange(plan.Count(p => p.Category == "medium-skilled-shortage") / (double)plan.Count, 0.68, 0.82);
        Assert.All(plan.Where(p => p.LatePaymentAfterDays is not null), p => Assert.InRange(p.LatePaymentAfterDays!.Value, 1, 5));
        Assert.All(plan.Where(p => p.MissingDocumentAfterDays is not null), p => Assert.InRange(p.MissingDocumentAfterDays!.Value, 2, 4));
        Assert.InRange(plan.Count(p => p.MissingDocumentAfterDays is not null), 160, 240);
        Assert.InRange(plan.Count(p => p.LatePaymentAfterDays is not null), 70, 130);
    }

    [Fact]
    public void An_application_s_ids_derive_from_the_seed_and_its_number_alone()
    {
        PlannedApplication planned = ArrivalSchedule.Plan(Config())[4];
        var today = new DateOnly(2026, 11, 30);

        // The same seed gives the same submission id (so the same application id and federal draws) in any run.
        Assert.Equal(
            SyntheticApplications.Build(11, planned, today).ToJsonString(),
            SyntheticApplications.Build(11, planned, today).ToJsonString());
        Assert.Equal("SIM-11-000005", SyntheticApplications.Build(11, planned, today)["submissionId"]!.GetValue<string>());
        Assert.NotEqual("SIM-11-000005", SyntheticApplications.Build(12, planned, today)["submissionId"]!.GetValue<string>());

        // One left out: the document the applicant sends later is missing from the submission.
        PlannedApplication late = planned with { MissingDocumentAfterDays = 3 };
        Assert.DoesNotContain(
            SyntheticApplications.Build(11, late, today)["documents"]!.AsArray(),
            d => d!["type"]!.GetValue<string>() == SyntheticApplications.DocumentLeftOut(planned.Category));
    }

    [Fact]
    public void The_caseworkers_refuse_their_share_drawn_apart_so_the_arrivals_stay_as_they_were()
    {
        IReadOnlyList<PlannedApplication> plan = ArrivalSchedule.Plan(Config());
        SimulationConfig refusing = Config() with { Caseworkers = Config().Caseworkers with { RefusalRate = 0.25 } };
        IReadOnlyList<PlannedApplication> refused = ArrivalSchedule.Plan(refusing);

        Assert.DoesNotContain(plan, p => p.RefusedByCaseworker);
        Assert.Equal(plan.Select(p => (p.ArrivalDay, p.Category, p.LatePaymentAfterDays, p.MissingDocumentAfterDays)), refused.Select(p => (p.ArrivalDay, p.Category, p.LatePaymentAfterDays, p.MissingDocumentAfterDays)));
        Assert.InRange(refused.Count(p => p.RefusedByCaseworker), plan.Count / 4 - 40, plan.Count / 4 + 40);
        Assert.Equal(refused.Select(p => p.RefusedByCaseworker), ArrivalSchedule.Plan(refusing).Select(p => p.RefusedByCaseworker));
        Assert.Contains("caseworkers.refusalRate must be from 0 to 1", (refusing with { Caseworkers = refusing.Caseworkers with { RefusalRate = 1.5 } }).Caseworkers.Problems());
    }

    [Fact]
    public void A_professional_card_is_asked_by_the_self_employed_person_and_leaves_out_its_own_document()
    {
        var planned = new PlannedApplication(3, 0.5, SyntheticApplications.ProfessionalCard, null, 2);
        JsonObject body = SyntheticApplications.Build(11, planned, new DateOnly(2026, 11, 30));

        Assert.Null(body["employer"]);
        Assert.Equal("SE-SIM-0001", body["selfEmployed"]!["reference"]!.GetValue<string>());
        Assert.Equal("self:SE-SIM-0001", SyntheticApplications.ApplicantOf(SyntheticApplications.ProfessionalCard));
        Assert.Equal(["passport"], body["documents"]!.AsArray().Select(d => d!["type"]!.GetValue<string>()));
        Assert.Equal("business-plan", SyntheticApplications.DocumentLeftOut(SyntheticApplications.ProfessionalCard));
    }

    [Fact]
    public void A_share_changed_does_not_shift_the_other_draws()
    {
        IReadOnlyList<PlannedApplication> plan = ArrivalSchedule.Plan(Config());
        IReadOnlyList<PlannedApplication> nobodyLate = ArrivalSchedule.Plan(Config() with { Applicants = Config().Applicants with { LatePaymentShare = 0 } });

        Assert.Equal(plan.Select(p => (p.ArrivalDay, p.Category, p.MissingDocumentAfterDays)), nobodyLate.Select(p => (p.ArrivalDay, p.Category, p.MissingDocumentAfterDays)));
        Assert.All(nobodyLate, p => Assert.Null(p.LatePaymentAfterDays));
    }

    [Fact]
    public void The_pool_never_decides_more_than_its_capacity_and_not_on_days_off()
    {
        var pool = new CaseworkerSettings { Count = 3, DecisionsPerDay = 2.5, WorkingDaysPerWeek = 5 };
        IReadOnlyList<DecisionSlot> slots = CaseworkerCapacity.Slots(pool, 28);

        Assert.DoesNotContain(slots, s => (int)s.Day % 7 >= 5);
        Assert.Equal(CaseworkerCapacity.Capacity(pool, 0, 28), slots.Count); // 20 working days × 3 × 2.5 = 150
        Assert.Equal(150, slots.Count);
        foreach (IGrouping<(int Day, int Caseworker), DecisionSlot> day in slots.GroupBy(s => ((int)s.Day, s.Caseworker)))
        {
            Assert.InRange(day.Count(), 2, 3); // 2.5 a day: never more than 3 in one day, never fewer than 2
        }

        Assert.Equal(Enumerable.Range(0, 3), slots.Select(s => s.Caseworker).Distinct().Order());
        Assert.True(slots.Zip(slots.Skip(1)).All(pair => pair.First.Day <= pair.Second.Day), "the slots are in time order");
    }

    [Fact]
    public void A_fraction_of_a_decision_a_day_spreads_one_decision_over_several_days()
    {
        var pool = new CaseworkerSettings { Count = 1, DecisionsPerDay = 0.5, WorkingDaysPerWeek = 7 };
        IReadOnlyList<DecisionSlot> slots = CaseworkerCapacity.Slots(pool, 10);

        Assert.Equal([1.0, 3.0, 5.0, 7.0, 9.0], slots.Select(s => s.Day));
    }

    [Fact]
    public void Percentiles_take_the_nearest_rank()
    {
        double[] values = [15, 20, 35, 40, 50];

        Assert.Equal(35, KpiMath.Percentile(values, 50));
        Assert.Equal(50, KpiMath.Percentile(values, 90));
        Assert.Equal(15, KpiMath.Percentile(values, 1));
        Assert.Equal(50, KpiMath.Percentile(values, 100));
        Assert.Equal(20, KpiMath.Percentile([.. values.Reverse()], 40));
        Assert.Null(KpiMath.Percentile([], 50));
        Assert.Equal(99, KpiMath.Percentile(Enumerable.Range(1, 100).Select(i => (double)i), 99));
    }

    [Fact]
    public void Track_figures_hold_the_fast_lane_to_its_maximum_and_the_standard_track_to_its_average()
    {
        ApplicationResult Decided(int n, string track, double lead, bool peak = false, bool met = true) =>
            new(n, $"wp-{n}", "c", track, peak, 0, lead, lead, lead - 0.5, met ? "met" : "breached", "granted");
        ApplicationResult[] results =
        [
            Decided(1, "fast-lane", 10), Decided(2, "fast-lane", 16, met: false), Decided(3, "fast-lane", 12),
            Decided(4, "standard", 20), Decided(5, "standard", 38, met: false),
            Decided(6, "standard", 40, peak: true),
            new(7, "wp-7", "c", "standard", true, 0, null, null, 3, "on-track", "open"),
        ];

        IReadOnlyList<TrackFigures> tracks = SimulationStatistics.ByTrack(results);

        TrackFigures fast = Assert.Single(tracks, t => t.Track == "fast-lane");
        Assert.Equal((3, 3, 12d, 16d, 16d), (fast.Applications, fast.Decided, fast.P50!.Value, fast.P90!.Value, fast.Max!.Value));
        Assert.Equal(2d / 3, fast.SlaCompliance!.Value, 6);
        Assert.Equal(15.5, fast.ClockMax);
        Assert.False(fast.Holds); // one file's clock ran 15.5 days: the fast lane promises 15 to every file

        TrackFigures standard = Assert.Single(tracks, t => t.Track == "standard");
        Assert.Equal(29, standard.Mean);
        Assert.Equal(28.5, standard.ClockMean);
        Assert.True(standard.Holds); // an average of 28.5 days on the clock, within 30

        TrackFigures peak = Assert.Single(tracks, t => t.Track == "standard (peak)");
        Assert.Equal((2, 1, 45d), (peak.Applications, peak.Decided, peak.TargetDays));
        Assert.False(peak.Holds); // one file is still open

        Assert.Equal(0.25, SimulationStatistics.Utilisation(8, 2));
        BacklogSample[] backlog = [new(0, 5, 5, 1, 4, 4), new(1, 9, 6, 0, 4, 2), new(2, 9, 1, 0, 4, 0)];
        Assert.Equal(0.75, SimulationStatistics.Utilisation(backlog, untilDay: 2)); // the inflow's two days, not the quiet third
    }

    [Fact]
    public void The_policy_day_must_leave_the_engine_half_its_throughput_and_the_latency_gate_fails_loudly()
    {
        // 300 arrivals over 30 flat days: 10 a day; at most half of 2 workflows/s is 1 a second, so a day lasts 10 s or more.
        var config = new SimulationConfig { Applications = 300, PeriodDays = 30 };
        Assert.Equal(TimeSpan.FromSeconds(10), EngineBudget.MinimumPolicyDay(config));
        // A peak of three times the inflow over half the period: its days get 300 × 3 / 60 = 15 arrivals.
        Assert.Equal(TimeSpan.FromSeconds(15), EngineBudget.MinimumPolicyDay(config with { Peaks = [new PeakWindow(0, 14, 3)] }));

        double[] latencies = [.. Enumerable.Repeat(0.05, 99), 0.5]; // p99 = 0.05 s
        Assert.Null(EngineBudget.LatencyProblem(latencies, TimeSpan.FromSeconds(10), 0.01));
        string? problem = EngineBudget.LatencyProblem(latencies, TimeSpan.FromSeconds(2), 0.01);
        Assert.NotNull(problem);
        Assert.Contains("0.050 s", problem, StringComparison.Ordinal);
        Assert.Contains("00:00:05", problem, StringComparison.Ordinal); // the day it would need: 0.05 s ÷ 1 %
    }

    [Fact]
    public void A_file_with_a_typo_or_an_impossible_setting_is_refused_with_the_reason()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => SimulationConfig.Read("""{ "aplications": 10 }"""));
        SimulationConfig config = SimulationConfig.Read("""
            { // comments are allowed
              "applications": 0, "categories": { "astronaut": 1 },
              "caseworkers": { "count": 2, "decisionsPerDay": 0 }, "policyDayLength": "00:00:05" }
            """);
        IReadOnlyList<string> problems = config.Problems();
        Assert.Contains(problems, p => p.StartsWith("applications", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'astronaut'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("caseworkers.decisionsPerDay", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(5), config.PolicyDayLength);
    }

    [Fact]
    public void The_committed_sample_files_are_valid()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(Infrastructure.RepositoryPaths.Root, "simulations"), "*.json"))
        {
            SimulationConfig config = SimulationConfig.Read(File.ReadAllText(file));
            Assert.True(config.Problems().Count == 0, $"{file}: {string.Join("; ", config.Problems())}");
        }
    }

    [Fact]
    public void A_simulation_s_host_polls_idle_queues_often_and_purges_closed_history_unless_the_run_says_otherwise()
    {
        static IConfiguration HostConfiguration(params string[] runSettings) =>
            new ConfigurationBuilder()
                .AddCommandLine(DrivenHost.HostArguments(
                    new SimulationHost("sim1", "UseDevelopmentStorage=true", runSettings), TimeSpan.FromSeconds(90), DrivenHost.AllSimulatedParties, SimulationDriver.HostDefaults))
                .Build();

        IConfiguration defaults = HostConfiguration();
        Assert.Equal(TimeSpan.FromMilliseconds(200), defaults.GetSection(EngineSettings.Section).Get<EngineSettings>()!.MaxQueuePollingInterval);
        RetentionSettings retention = defaults.GetSection(RetentionSettings.Section).Get<RetentionSettings>()!;
        Assert.Equal(TimeSpan.FromSeconds(1), retention.HistoryAfter);
        Assert.Equal(TimeSpan.FromMinutes(1), retention.Interval);
        Assert.Equal(new RetentionSettings().DossierAfter, retention.DossierAfter); // dossiers stay: the figures and a later look need them

        IConfiguration overridden = HostConfiguration("--Retention:HistoryAfter=30.00:00:00", "--Engine:MaxQueuePollingInterval=00:00:01");
        Assert.Equal(TimeSpan.FromDays(30), overridden.GetSection(RetentionSettings.Section).Get<RetentionSettings>()!.HistoryAfter);
        Assert.Equal(TimeSpan.FromSeconds(1), overridden.GetSection(EngineSettings.Section).Get<EngineSettings>()!.MaxQueuePollingInterval);
    }
}
