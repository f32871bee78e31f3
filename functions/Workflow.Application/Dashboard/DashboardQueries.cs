using Workflow.Application.Exclusions;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Sla;

namespace Workflow.Application.Dashboard;

/// <summary>
/// The managers' dashboard: its figures computed from the KPI projection (<see cref="ICaseFacts"/>), one row per
/// application, never from the workflows' history. The computations are static and pure, given the rows and the time.
/// </summary>
public sealed class DashboardQueries(ICaseFacts facts, IExclusionLedger exclusions, ICaseAssignments assignments, TimeProvider time)
{
    /// <summary>How many of a caseworker's own open applications "mine" reads at most (a worklist far beyond a person's reach).</summary>
    public const int MaxOwnCases = 1000;

    /// <summary>How many registry exclusions the evaluation reads at most.</summary>
    public const int MaxRegistryRecords = 10_000;

    public const string FastLane = "fast-lane";
    public const string Standard = "standard";
    public const string StandardPeak = "standard-peak";
    public const string Untracked = "untracked";

    /// <summary>The lead-time targets (§2.2: the fast lane's 15 days at most; §2.4: the standard 30 days, 45 in a peak period).</summary>
    public static IReadOnlyList<KpiTarget> Targets { get; } =
    [
        new(FastLane, "maximum", 15),
        new(Standard, "average", 30),
        new(StandardPeak, "average", 45),
    ];

    public async Task<DashboardNow> NowAsync(CancellationToken cancellationToken) =>
        Now(await facts.ListOpenAsync(cancellationToken), time.GetUtcNow());

    /// <summary>"Now" for one caseworker: the open applications assigned to <paramref name="subject"/> (their worklist).</summary>
    public async Task<DashboardNow> MineAsync(string subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var own = new List<RecordedCase>();
        string? continuation = null;
        do
        {
            AssignedWorklistPage page = await assignments.ListWorklistAsync(Assignments.WorklistView.Mine, subject, 200, continuation, cancellationToken);
            own.AddRange(page.Items.Select(item => new RecordedCase(CaseFacts.Of(item.Case), null)));
            continuation = page.Continuation;
        }
        while (continuation is not null && own.Count < MaxOwnCases);

        return Now(own, time.GetUtcNow());
    }

    public async Task<DashboardKpis> KpisAsync(MonthRange? range, CancellationToken cancellationToken)
    {
        IReadOnlyList<RecordedCase> cases = range is null
            ? await facts.ListAsync(cancellationToken)
            : await facts.ListMonthsAsync(range.From, range.To, cancellationToken);
        return Kpis(cases, await this.RegistryAsync(cancellationToken), time.GetUtcNow(), range);
    }

    async Task<IReadOnlyList<ExclusionRecord>> RegistryAsync(CancellationToken cancellationToken)
    {
        var records = new List<ExclusionRecord>();
        string? startAt = null;
        do
        {
            ExclusionLedgerPage page = await exclusions.ListAsync(200, startAt, cancellationToken);
            records.AddRange(page.Records);
            startAt = page.NextStartAt;
        }
        while (startAt is not null && records.Count < MaxRegistryRecords);

        return records;
    }

    public static DashboardNow Now(IReadOnlyList<RecordedCase> cases, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var open = cases.Select(c => c.Case).Where(c => c.Stage != Stage.Closed).Select(c => Open(c, now)).ToList();
        IReadOnlyList<OpenCase> Listed(SlaState state) =>
            [.. open.Where(o => o.State == state).Select(o => o.View).OrderBy(v => v.DaysLeft ?? double.MaxValue).ThenBy(v => v.ApplicationId, StringComparer.Ordinal)];

        return new DashboardNow(
            now,
            open.Count,
            [.. open.GroupBy(o => (o.Facts.Stage, o.State)).OrderBy(g => g.Key.Stage).ThenBy(g => g.Key.State)
                .Select(g => new OpenCount(Codes.Of(g.Key.Stage), Codes.Of(g.Key.State), g.Count()))],
            Listed(SlaState.AtRisk),
            Listed(SlaState.Breached),
            [.. open.Where(o => o.Facts.FederalStatus is FederalLegStatus.HandedOff or FederalLegStatus.Acknowledged or FederalLegStatus.InformationRequested && o.Facts.FederalHandedOffAt is not null)
                .Select(o => new FederalHandoffView(
                    o.Facts.ApplicationId,
                    Codes.Of(o.Facts.FederalStatus),
                    o.Facts.FederalHandedOffAt!.Value,
                    KpiMath.Days((o.PolicyNow - o.Facts.FederalHandedOffAt.Value).TotalDays) ?? 0,
                    OpenCase.WorkbenchUrlOf(o.Facts.ApplicationId)))
                .OrderByDescending(f => f.AgeDays).ThenBy(f => f.ApplicationId, StringComparer.Ordinal)]);
    }

    public static DashboardKpis Kpis(IReadOnlyList<RecordedCase> cases, IReadOnlyList<ExclusionRecord> registry, DateTimeOffset now, MonthRange? range = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(registry);
        bool InRange(string month) => range is null || range.Contains(month);
        List<Decided> decided = [.. cases.Where(c => c.Case.DecidedMonth is string month && InRange(month)).Select(c => new Decided(c))];
        List<Decided> decisions = [.. decided.Where(d => d.Facts.Outcome != Outcome.Withdrawn)];

        List<TrackMonthKpis> months = [.. decided.GroupBy(d => (d.Month, d.Track))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.Track, StringComparer.Ordinal)
            .Select(g => Month(g.Key.Month, g.Key.Track, [.. g]))];

        List<CategoryMonthCount> volumes = [.. cases.Select(c => c.Case).Where(c => InRange(c.SubmittedMonth)).GroupBy(c => (Month: c.SubmittedMonth, c.Category))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.Category)
            .Select(g => new CategoryMonthCount(g.Key.Month, Codes.Of(g.Key.Category), g.Count(), g.Count(c => c.Outcome is not null)))];

        List<GroundCount> grounds = [.. decisions.Where(d => d.Facts.Outcome is Outcome.Refused or Outcome.Inadmissible)
            .SelectMany(d => d.Facts.Grounds.Distinct(StringComparer.Ordinal))
            .GroupBy(g => g, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroundCount(g.Key, g.Count()))];

        return new DashboardKpis(now, range, Targets, months, volumes, grounds, Evaluation(decided, [.. registry.SelectMany(RegistryEntries).Where(e => InRange(e.Month))]));
    }

    /// <summary>A registry record's proposal, confirmation and confirmed lift, each with its month.</summary>
    static IEnumerable<(string Month, string Kind)> RegistryEntries(ExclusionRecord record)
    {
        yield return (RealMonthOf(record.Proposal.At), ExclusionProposed.Code);
        if (record.Confirmation is not null)
        {
            yield return (RealMonthOf(record.Confirmation.At), ExclusionConfirmed.Code);
        }

        if (record.LiftedAt is DateTimeOffset lifted)
        {
            yield return (RealMonthOf(lifted), ChangeConfirmed.LiftCode);
        }
    }

    static string RealMonthOf(DateTimeOffset realTime) => CaseFacts.MonthOf(realTime);

    static DashboardEvaluation Evaluation(List<Decided> decided, List<(string Month, string Kind)> registry)
    {
        var banded = decided
            .Where(d => d.Facts.Outcome == Outcome.Granted && d.Facts.Category == PermitCategory.HighlySkilled)
            .Select(d => d.Assessment)
            .Where(a => a is { SalaryBand: not null, SalaryReferenceYear: not null })
            .ToList();
        List<SalaryBandCount> bands = [.. banded.Select(a => a!.SalaryReferenceYear!.Value).Distinct().Order()
            .SelectMany(year => SalaryBands.All.Select(band =>
            {
                int count = banded.Count(a => a!.SalaryReferenceYear == year && a.SalaryBand == band);
                int? shown = KpiMath.Suppress(count);
                return new SalaryBandCount(year, band, shown, shown is null);
            }))];

        List<MonthEvaluation> months = [.. decided.GroupBy(d => d.Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            List<Decided> taken = [.. g.Where(d => d.Facts.Outcome != Outcome.Withdrawn)];
            int highlySkilled = taken.Count(d => d.Facts.Category == PermitCategory.HighlySkilled);
            List<Decided> signalled = [.. taken.Where(d => d.Signals.Count > 0)];
            return new MonthEvaluation(
                g.Key,
                taken.Count,
                highlySkilled,
                KpiMath.Share(highlySkilled, taken.Count),
                signalled.Count,
                signalled.Count(d => d.Facts.Outcome == Outcome.Refused),
                g.Count(d => d.Facts.Outcome == Outcome.Withdrawn),
                taken.Count(d => d.Facts.Grounds.Any(ground => ground == DecisionGrounds.EmployerExcluded.Code || ground == DecisionGrounds.DirectorExcluded.Code)));
        })];

        List<SignalCount> signals = [.. decided.Where(d => d.Facts.Outcome != Outcome.Withdrawn)
            .SelectMany(d => d.Signals.Select(signal => (Signal: signal, d.Facts.Outcome)))
            .GroupBy(s => s.Signal, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SignalCount(g.Key, g.Count(), g.Count(s => s.Outcome == Outcome.Refused)))];

        List<CategoryOutcomeCount> outcomes = [.. decided.GroupBy(d => (d.Month, d.Facts.Category))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.Category)
            .Select(g => new CategoryOutcomeCount(
                g.Key.Month,
                Codes.Of(g.Key.Category),
                g.Count(d => d.Facts.Outcome == Outcome.Granted),
                g.Count(d => d.Facts.Outcome == Outcome.Refused),
                g.Count(d => d.Facts.Outcome == Outcome.Inadmissible),
                g.Count(d => d.Facts.Outcome == Outcome.Withdrawn)))];

        List<ExclusionMonthCount> exclusions = [.. registry.GroupBy(e => e.Month).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ExclusionMonthCount(
                g.Key,
                g.Count(e => e.Kind == ExclusionProposed.Code),
                g.Count(e => e.Kind == ExclusionConfirmed.Code),
                g.Count(e => e.Kind == ChangeConfirmed.LiftCode)))];

        return new DashboardEvaluation(bands, months, signals, outcomes, exclusions);
    }

    static TrackMonthKpis Month(string month, string track, List<Decided> files)
    {
        List<Decided> taken = [.. files.Where(d => d.Facts.Outcome != Outcome.Withdrawn)];
        List<double> leadTimes = [.. taken.Select(d => d.LeadTimeDays)];
        int met = taken.Count(d => d.SlaState == SlaState.Met);
        int missed = taken.Count(d => d.SlaState == SlaState.Missed);
        List<SlaPause> pauses = [.. taken.SelectMany(d => d.Facts.Sla.Pauses)];
        double? leadAverage = KpiMath.Average(leadTimes);
        double? leadMax = leadTimes.Count == 0 ? null : leadTimes.Max();
        KpiTarget? target = Targets.FirstOrDefault(t => t.Track == track);
        int? targetDays = taken.Select(d => d.Facts.Sla.Terms.DueDays).FirstOrDefault(d => d is not null) ?? target?.Days;
        bool? targetMet = target is null || targetDays is null || leadTimes.Count == 0 ? null
            : target.Measure == "maximum" ? leadMax <= targetDays : leadAverage <= targetDays;
        return new TrackMonthKpis(
            month,
            track,
            taken.Count,
            KpiMath.Days(KpiMath.Percentile(leadTimes, 50)),
            KpiMath.Days(KpiMath.Percentile(leadTimes, 90)),
            KpiMath.Days(leadAverage),
            KpiMath.Days(leadMax),
            targetDays,
            targetMet,
            met,
            missed,
            KpiMath.Compliance(met, missed),
            pauses.Count,
            KpiMath.Days(KpiMath.Average(taken.SelectMany(d => d.Facts.Sla.Pauses.Select(p => p.DurationAsOf(d.DecidedAt).TotalDays)))),
            KpiMath.Days(KpiMath.Average(taken.Where(d => d.Facts.CompleteAt is not null).Select(d => (d.Facts.CompleteAt!.Value - d.Facts.SubmittedAt).TotalDays))),
            KpiMath.Days(KpiMath.Average(taken.Where(d => d.Facts is { FederalHandedOffAt: not null, FederalAnsweredAt: not null })
                .Select(d => (d.Facts.FederalAnsweredAt!.Value - d.Facts.FederalHandedOffAt!.Value).TotalDays))),
            taken.Count(d => d.Facts.Outcome == Outcome.Granted),
            taken.Count(d => d.Facts.Outcome == Outcome.Refused),
            taken.Count(d => d.Facts.Outcome == Outcome.Inadmissible),
            files.Count(d => d.Facts.Outcome == Outcome.Withdrawn));
    }

    /// <summary>The track a file is counted under: its SLA terms' track, the standard one split by peak period.</summary>
    public static string TrackOf(CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Sla.Terms.Track switch
        {
            SlaTrack.FastLane => FastLane,
            SlaTrack.Standard => facts.Sla.Terms.InPeakPeriod ? StandardPeak : Standard,
            _ => Untracked,
        };
    }

    static (CaseFacts Facts, SlaState State, DateTimeOffset PolicyNow, OpenCase View) Open(CaseFacts facts, DateTimeOffset now)
    {
        DateTimeOffset policyNow = new PolicyClock(facts.SubmittedAt, facts.PolicyDayLength).ToPolicy(now);
        SlaClock sla = facts.Sla.Restore();
        SlaState state = sla.StateAsOf(policyNow);
        DateTimeOffset? due = sla.DueAsOf(policyNow);
        var view = new OpenCase(
            facts.ApplicationId,
            Codes.Of(facts.Category),
            TrackOf(facts),
            Codes.Of(facts.Stage),
            Codes.Of(state),
            due,
            due is DateTimeOffset d ? KpiMath.Days((d - policyNow).TotalDays) : null,
            OpenCase.WorkbenchUrlOf(facts.ApplicationId));
        return (facts, state, policyNow, view);
    }

    /// <summary>A file with an outcome, with what the figures need of it.</summary>
    sealed class Decided(RecordedCase recorded)
    {
        public CaseFacts Facts { get; } = recorded.Case;

        public AssessmentFacts? Assessment { get; } = recorded.Assessment;

        public IReadOnlyList<string> Signals => this.Assessment?.Signals ?? [];

        public DateTimeOffset DecidedAt { get; } = recorded.Case.DecidedAt ?? recorded.Case.ClosedAt!.Value;

        public string Month { get; } = recorded.Case.DecidedMonth!;

        public string Track => TrackOf(this.Facts);

        /// <summary>Days on the SLA clock from its start to the decision, pauses left out.</summary>
        public double LeadTimeDays => this.Facts.Sla.Restore().ElapsedAsOf(this.DecidedAt).TotalDays;

        public SlaState SlaState => this.Facts.Sla.Restore().StateAsOf(this.DecidedAt);
    }
}
