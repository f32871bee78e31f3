using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// An entry of the audit log: every step, decision, message and command, kept apart from orchestration history (which
/// is purged). <paramref name="Key"/> makes the write idempotent. Codes and ids only; <paramref name="At"/> is real time.
/// <paramref name="Actor"/> is the role or party; a person's command also records who: <paramref name="BySubject"/> (the
/// token's subject, the Entra object id in Azure) and <paramref name="ByName"/> (the display name). Those two live in the
/// audit table only, never in workflow history. <paramref name="Order"/>: the entry's place among entries of the same
/// moment (the steps of one transition share it); the log reads by time, then order, then key.
/// </summary>
public sealed record AuditEntry(
    string ApplicationId,
    string Key,
    DateTimeOffset At,
    string Event,
    string Actor,
    IReadOnlyDictionary<string, string> Details,
    string? BySubject = null,
    string? ByName = null,
    int Order = 0)
{
    /// <summary>Entries as the log reads them: by time, then their place within a moment, then key.</summary>
    public static IReadOnlyList<AuditEntry> InLogOrder(IEnumerable<AuditEntry> entries) =>
        [.. entries.OrderBy(e => e.At).ThenBy(e => e.Order).ThenBy(e => e.Key, StringComparer.Ordinal)];
}

/// <summary>Who did something, for the audit log.</summary>
public static class Actors
{
    public const string System = "system";
    public const string Employer = "employer";
    public const string Caseworker = "caseworker";
    public const string FederalOffice = "federal-office";
    public const string Operator = "operator";
    public const string ThirdParty = "third-party";
    public const string PaymentProvider = "payment-provider";
    public const string Manager = "manager";
}

/// <summary>
/// An SLA or deadline alert. <paramref name="IdempotencyKey"/> is application id + milestone: the outbox row key and,
/// on a broker, the message id, so consumers act on it once however often it is delivered.
/// </summary>
public sealed record SlaAlert(
    string IdempotencyKey,
    string ApplicationId,
    PermitCategory Category,
    MilestoneKind Milestone,
    AlertAudience Audience,
    DateTimeOffset MilestoneAt,
    DateTimeOffset? DueAt,
    DateTimeOffset RaisedAt)
{
    public static string KeyFor(string applicationId, MilestoneKind milestone) =>
        $"{applicationId}:{Codes.Of(milestone)}";
}

/// <summary>The parties an application's notifications go to.</summary>
public enum Party
{
    Employer,
    Worker,
}

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>The file is incomplete: documents or the fee are missing, with a deadline.</summary>
    ItemsMissing,

    /// <summary>The caseworker asked for information (the question is in the dossier), with a deadline.</summary>
    InformationRequested,

    /// <summary>The decision, with its letter.</summary>
    Decision,

    /// <summary>A withdrawal of the authorisation is considered (§2.1): the employer is invited to be heard, with the letter and a deadline.</summary>
    HearingInvitation,

    /// <summary>The hearing's deadline is near and the employer has not answered.</summary>
    HearingReminder,

    /// <summary>The authorisation is withdrawn, with the decision letter.</summary>
    WithdrawalDecision,

    /// <summary>The withdrawal considered ended: the authorisation is kept.</summary>
    AuthorisationKept,
}

/// <summary>A notification to one party; <paramref name="IdempotencyKey"/> makes sure each goes out once.</summary>
public sealed record PartyNotification(
    string IdempotencyKey,
    string ApplicationId,
    Party Party,
    NotificationKind Kind,
    IReadOnlyList<string> Items,
    DateTimeOffset? Deadline,
    string? LetterReference);
