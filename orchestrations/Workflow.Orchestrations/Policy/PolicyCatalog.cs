using System.Text.Json;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Orchestrations.Policy;

/// <summary>
/// The dated policy data (Policy/Data/permit-policy.json) and how an application's terms are chosen from it: for each
/// list, the entry with the latest <c>validFrom</c> on or before the submission date in Brussels.
/// </summary>
public sealed class PolicyCatalog
{
    static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    readonly PolicyData data;

    public PolicyCatalog(PolicyData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        this.data = data;
    }

    /// <summary>The policy data shipped with the code.</summary>
    public static PolicyCatalog Embedded { get; } = new(LoadEmbedded());

    /// <summary>The data behind this catalog (to derive a variant in tests, or to show it).</summary>
    public PolicyData Data => this.data;

    /// <summary>The calendar date of an instant in Brussels: policy switch dates are Belgian dates.</summary>
    public static DateOnly BelgianDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Brussels).DateTime);

    /// <summary>The last instant of a Belgian date (just before midnight in Brussels): "by that date at the latest".</summary>
    public static DateTimeOffset EndOfBelgianDay(DateOnly date)
    {
        DateTime nextMidnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue); // Brussels changes its clocks at 2 or 3 am, never at midnight
        return new DateTimeOffset(nextMidnight, Brussels.GetUtcOffset(nextMidnight)).AddTicks(-1);
    }

    /// <summary>Resolves the terms for an application of <paramref name="category"/> submitted at <paramref name="submittedAt"/>.</summary>
    public PermitTerms Resolve(PermitCategory category, DateTimeOffset submittedAt, bool inPeakPeriod)
    {
        DateOnly date = BelgianDate(submittedAt);
        var used = new List<string>();

        SlaTrack track = category.Track();
        SlaTrackEntry? sla = Latest(this.data.SlaTracks.Where(t => t.Track == track), date);
        bool peak = inPeakPeriod && sla?.PeakDueDays is not null;
        SlaTerms slaTerms = sla is null
            ? new SlaTerms(SlaTrack.Untracked, null, false, PausesWhileWaitingOnApplicant: true, [])
            : new SlaTerms(
                track,
                peak ? sla.PeakDueDays : sla.DueDays,
                peak,
                sla.PausesWhileWaitingOnApplicant,
                [.. sla.Milestones.Select(m => new MilestoneTerm(m.Kind, m.DaysFromDue, m.Audience))]);
        Use(used, sla?.Id);

        AdmissibilityEntry admissibility = Latest(this.data.Admissibility, date)
            ?? throw new InvalidOperationException($"No admissibility policy is in force on {date:yyyy-MM-dd}.");
        Use(used, admissibility.Id);

        FeeEntry? fee = Latest(this.data.Fees.Where(f => f.Applied), date);
        FeeTerms? feeTerms = null;
        if (fee is not null && !fee.ExemptCategories.Contains(category))
        {
            // Indexed yearly from the year after the amount was set, with the factors published so far.
            FeeIndexationEntry[] indexations = [.. this.data.FeeIndexations
                .Where(i => i.Factor is not null && i.Year > fee.ValidFrom.Year && i.Year <= date.Year)
                .OrderBy(i => i.Year)];
            decimal amount = indexations.Aggregate((decimal)fee.AmountCents, (cents, index) => cents * index.Factor!.Value);
            feeTerms = new FeeTerms((long)Math.Round(amount, MidpointRounding.AwayFromZero), fee.Currency);
            Use(used, fee.Id);
            foreach (FeeIndexationEntry index in indexations)
            {
                Use(used, index.Id);
            }
        }

        FederalLegTerms? federal = null;
        OverallDeadlineTerms? overall = null;
        if (category.HasFederalLeg())
        {
            FederalLegEntry? federalEntry = Latest(this.data.FederalLeg, date);
            federal = federalEntry is null ? null : new FederalLegTerms(federalEntry.AnswerLateAfterDays, federalEntry.EscalateAfterDays);
            Use(used, federalEntry?.Id);

            OverallDeadlineEntry? deadline = Latest(this.data.OverallDeadlines, date);
            overall = deadline is null ? null : new OverallDeadlineTerms(deadline.Id, deadline.Months, deadline.Days, deadline.WarnDaysBefore);
            Use(used, deadline?.Id);
        }

        CaseLimitsEntry? limits = Latest(this.data.CaseLimits ?? [], date);
        Use(used, limits?.Id);

        IReadOnlyList<string> required = admissibility.RequiredDocuments.TryGetValue(category, out var documents) ? documents : [];
        return new PermitTerms(
            used,
            slaTerms,
            new AdmissibilityTerms(
                admissibility.CompletionDeadlineDays,
                required,
                feeTerms,
                feeTerms is not null ? null : fee is null ? NoFeeReason.NoneInForce : NoFeeReason.ExemptCategory),
            federal,
            overall,
            limits is null
                ? null
                : new CaseLimits(limits.DocumentBatches, limits.Corrections, limits.PaymentAttempts, limits.ThirdPartyRequests, limits.InformationRequests, limits.InformationRequestsWithoutConsent));
    }

    /// <summary>The fee due for a category on a date, or null when none is due.</summary>
    public FeeTerms? FeeFor(PermitCategory category, DateTimeOffset submittedAt) =>
        this.Resolve(category, submittedAt, inPeakPeriod: false).Admissibility.Fee;

    /// <summary>
    /// How long an authorisation of <paramref name="category"/> granted on <paramref name="grantedOn"/> is valid: the
    /// category's own entry in force that day, else the entry for every category; null when neither exists.
    /// </summary>
    public AuthorisationTermEntry? AuthorisationTermFor(PermitCategory category, DateOnly grantedOn)
    {
        IReadOnlyList<AuthorisationTermEntry> terms = this.data.AuthorisationTerms ?? [];
        return Latest(terms.Where(t => t.Category == category), grantedOn) ?? Latest(terms.Where(t => t.Category is null), grantedOn);
    }

    /// <summary>The appeal route in force for a decision taken on <paramref name="decidedOn"/>; null when the data has none.</summary>
    public AppealRouteEntry? AppealRouteOn(DateOnly decidedOn) => Latest(this.data.AppealRoutes ?? [], decidedOn);

    /// <summary>The withdrawal terms in force on <paramref name="date"/> (a finding's Belgian date); null when none are.</summary>
    public Withdrawals.WithdrawalTerms? WithdrawalTermsOn(DateOnly date) =>
        Latest(this.data.Withdrawals ?? [], date) is { } entry
            ? new Withdrawals.WithdrawalTerms(entry.Id, entry.HearingDays, entry.ReminderDaysBefore, entry.ExclusionMonths)
            : null;

    static T? Latest<T>(IEnumerable<T> entries, DateOnly date)
        where T : DatedEntry =>
        entries.Where(e => e.ValidFrom <= date).MaxBy(e => e.ValidFrom);

    static void Use(List<string> used, string? id)
    {
        if (id is not null)
        {
            used.Add(id);
        }
    }

    static PolicyData LoadEmbedded()
    {
        using Stream stream = typeof(PolicyCatalog).Assembly.GetManifestResourceStream("policy/permit-policy.json")
            ?? throw new InvalidOperationException("The embedded policy data is missing.");
        return JsonSerializer.Deserialize<PolicyData>(stream, WorkflowJson.Options)
            ?? throw new InvalidOperationException("The embedded policy data is empty.");
    }
}
