using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Policy;

/// <summary>The shape of Policy/Data/permit-policy.json. Every entry carries its source.</summary>
public sealed record PolicyData(
    IReadOnlyList<SlaTrackEntry> SlaTracks,
    IReadOnlyList<FeeEntry> Fees,
    IReadOnlyList<FeeIndexationEntry> FeeIndexations,
    IReadOnlyList<AdmissibilityEntry> Admissibility,
    IReadOnlyList<FederalLegEntry> FederalLeg,
    IReadOnlyList<OverallDeadlineEntry> OverallDeadlines,
    IReadOnlyList<CaseLimitsEntry>? CaseLimits = null,
    IReadOnlyList<AuthorisationTermEntry>? AuthorisationTerms = null,
    IReadOnlyList<AppealRouteEntry>? AppealRoutes = null,
    IReadOnlyList<WithdrawalTermsEntry>? Withdrawals = null);

public abstract record DatedEntry(string Id, DateOnly ValidFrom, string Source);

public sealed record SlaTrackEntry(
    string Id,
    SlaTrack Track,
    DateOnly ValidFrom,
    int DueDays,
    int? PeakDueDays,
    bool PausesWhileWaitingOnApplicant,
    string Source,
    IReadOnlyList<MilestoneEntry> Milestones) : DatedEntry(Id, ValidFrom, Source);

public sealed record MilestoneEntry(MilestoneKind Kind, int DaysFromDue, AlertAudience Audience, string Source);

/// <summary>A fee amount from a date. <c>Applied</c> false keeps a reported but unconfirmed amount as data without using it.</summary>
public sealed record FeeEntry(
    string Id,
    DateOnly ValidFrom,
    long AmountCents,
    string Currency,
    bool Applied,
    IReadOnlyList<PermitCategory> ExemptCategories,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>The yearly indexation of the fee (§2.5): a factor from 1 January of <c>Year</c>; null while not published.</summary>
public sealed record FeeIndexationEntry(string Id, int Year, decimal? Factor, string Source);

public sealed record AdmissibilityEntry(
    string Id,
    DateOnly ValidFrom,
    int CompletionDeadlineDays,
    string Source,
    IReadOnlyDictionary<PermitCategory, IReadOnlyList<string>> RequiredDocuments,
    string RequiredDocumentsSource) : DatedEntry(Id, ValidFrom, Source);

public sealed record FederalLegEntry(
    string Id,
    DateOnly ValidFrom,
    int AnswerLateAfterDays,
    int EscalateAfterDays,
    string Source) : DatedEntry(Id, ValidFrom, Source);

public sealed record OverallDeadlineEntry(
    string Id,
    DateOnly ValidFrom,
    string Basis,
    int? Months,
    int? Days,
    int WarnDaysBefore,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>
/// How much one party may ask of one application (an addition: operational limits, not from the note). They bound what a
/// case record and its workflow can grow to; past a limit the API answers 409 with the reason.
/// </summary>
public sealed record CaseLimitsEntry(
    string Id,
    DateOnly ValidFrom,
    int DocumentBatches,
    int Corrections,
    int PaymentAttempts,
    int ThirdPartyRequests,
    int InformationRequests,
    int InformationRequestsWithoutConsent,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>
/// How long a granted work authorisation is valid (the authorisations register): for one category, or for every category
/// without an entry of its own when <c>Category</c> is null; <c>Months</c> and <c>Days</c> add up.
/// </summary>
public sealed record AuthorisationTermEntry(
    string Id,
    PermitCategory? Category,
    DateOnly ValidFrom,
    int? Months,
    int? Days,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>
/// The appeal route a decision letter states, in Dutch (the letter) and English (its translation), for decisions taken
/// from <c>ValidFrom</c> (a date in Brussels).
/// </summary>
public sealed record AppealRouteEntry(
    string Id,
    DateOnly ValidFrom,
    string Dutch,
    string English,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>
/// The terms of a withdrawal after a fraud finding (§2.1): how many policy days the employer is given to be heard, how
/// many days before that deadline a reminder goes out (none when 0), and how many months the exclusion proposed on a
/// withdrawal runs. The note gives none of these figures.
/// </summary>
public sealed record WithdrawalTermsEntry(
    string Id,
    DateOnly ValidFrom,
    int HearingDays,
    int ReminderDaysBefore,
    int ExclusionMonths,
    string Source) : DatedEntry(Id, ValidFrom, Source);
