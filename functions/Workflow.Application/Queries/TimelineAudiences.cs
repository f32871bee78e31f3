using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Submissions;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Queries;

/// <summary>Who may read a kind of timeline row.</summary>
[Flags]
public enum Audience
{
    None = 0,

    /// <summary>The employer, or the self-employed applicant: its own procedure only.</summary>
    Applicant = 1,
    Caseworker = 2,
    Manager = 4,
    Inspector = 8,
    Staff = Caseworker | Manager | Inspector,
    Everyone = Applicant | Staff,
}

/// <summary>
/// One kind of timeline row, who may read it, and which of its details the applicant may see (staff see them all).
/// </summary>
public sealed record AudienceRule(string Event, Audience Audience, IReadOnlyList<string> ApplicantDetails)
{
    public bool Admits(Audience reader) => (this.Audience & reader) != 0;
}

/// <summary>
/// The one table of who reads what in an application's timeline (the audit log). The applicant sees its own procedure:
/// what it sent and was asked, the deadlines, its payments, admissibility, corrections and withdrawal, and the closing
/// with the letter. It never sees the fraud signals or the rule outcomes (the assessment), the third parties asked or
/// their answers, the caseworker's verdict, the federal office's messages, or alerts: the party under investigation must
/// not be tipped off (§2.1), and a verdict reaches the applicant in the letter, not before. Staff see every row;
/// reads of the one-view (personal data) only managers and inspectors, who audit them. A row of a kind not listed here
/// is staff-only: a new kind stays hidden from the applicant until it is listed. A test checks this table as a matrix.
/// </summary>
public static class TimelineAudiences
{
    static readonly Dictionary<string, AudienceRule> Exact = new AudienceRule[]
    {
        Applicant(SubmissionService.SubmittedEvent, "category", "documents"),
        Applicant(CaseEvents.Received),
        Applicant(CaseEvents.ItemsMissing, "items"),
        Applicant(CaseEvents.DocumentsSupplied, "types"),
        Applicant(CaseEvents.FeePaid, "paymentId", "amountCents"),
        Applicant(CaseEvents.FeeReversed, "paymentId"),
        Applicant(CaseEvents.FeeDueAgain, "items"),
        Applicant(CaseEvents.CompletionDeadlinePassed, "items"),
        Applicant(CaseEvents.FeeDeadlinePassed, "items"),
        Applicant(CaseEvents.Admissible),
        Applicant(CaseEvents.InformationRequested, "requestId", "deadlineDays"),
        Applicant(CaseEvents.InformationSupplied, "requestId", "types"),
        Applicant(CaseEvents.InformationRequestExpired, "requestId"),
        Applicant(CaseEvents.ApplicationCorrected, "correctionId", "sections"),
        Applicant(CaseEvents.Withdrawn, "withdrawalId"),
        Applicant(CaseEvents.Closed, "letter"),
        Applicant(CommandEvents.DocumentsReceived, "types", "requestId", "commandId"),
        Applicant(CommandEvents.PaymentStarted, "paymentId", "amount", "currency", "reference", "commandId"),
        Applicant(CommandEvents.WithdrawalReceived, "withdrawalId", "commandId"),
        Applicant(CommandEvents.CorrectionReceived, "correctionId", "sections", "commandId"),
        Applicant("payment-succeeded", "paymentId", "amount", "currency"),
        Applicant("payment-failed", "paymentId", "amount", "currency"),
        Applicant("payment-reversed", "paymentId", "amount", "currency"),
        Applicant("payment-not-applied", "paymentId", "reason"),
        Applicant(CommandEvents.PaymentReversedAfterDecision, "paymentId", "reason"),

        // The applicant's own commands the workflow did not take, with the reason code.
        Applicant(CaseEvents.Rejected(CommandKinds.Documents), "messageId", "reason"),
        Applicant(CaseEvents.Rejected(CommandKinds.PaymentEvent), "messageId", "reason"),
        Applicant(CaseEvents.Rejected(CommandKinds.Withdrawal), "messageId", "reason"),
        Applicant(CaseEvents.Rejected(CommandKinds.Correction), "messageId", "reason"),

        new(CommandEvents.OneViewRead, Audience.Manager | Audience.Inspector, []),
        new(CommandEvents.DocumentRead, Audience.Manager | Audience.Inspector, []),
        new(CommandEvents.PersonalDataExported, Audience.Manager | Audience.Inspector, []),
    }.ToDictionary(r => r.Event, StringComparer.Ordinal);

    /// <summary>Every kind listed, for the matrix test and the documentation.</summary>
    public static IReadOnlyCollection<AudienceRule> Listed => Exact.Values;

    /// <summary>The rule of a timeline row's event code; staff-only when the code is not listed.</summary>
    public static AudienceRule For(string eventCode)
    {
        ArgumentNullException.ThrowIfNull(eventCode);
        return Exact.TryGetValue(eventCode, out AudienceRule? rule) ? rule : new AudienceRule(eventCode, Audience.Staff, []);
    }

    /// <summary>The audience a caller reads as: the first of its roles that reads timelines (staff before applicant).</summary>
    public static Audience Of(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Manager))
        {
            return Audience.Manager;
        }

        if (user.IsInRole(Roles.Inspector))
        {
            return Audience.Inspector;
        }

        if (user.IsInRole(Roles.Caseworker))
        {
            return Audience.Caseworker;
        }

        return user.IsInRole(Roles.Employer) ? Audience.Applicant : Audience.None;
    }

    /// <summary>The row as <paramref name="reader"/> may see it, or null when it may not: the applicant gets only its details, and no names.</summary>
    public static AuditEntry? Visible(AuditEntry entry, Audience reader)
    {
        ArgumentNullException.ThrowIfNull(entry);
        AudienceRule rule = For(entry.Event);
        if (!rule.Admits(reader))
        {
            return null;
        }

        return reader == Audience.Applicant
            ? entry with
            {
                Details = entry.Details.Where(d => rule.ApplicantDetails.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal),
                BySubject = null,
                ByName = null,
            }
            : entry;
    }

    static AudienceRule Applicant(string eventCode, params string[] details) => new(eventCode, Audience.Everyone, details);
}
