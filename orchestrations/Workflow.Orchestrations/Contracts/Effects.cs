using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// An entry of the audit log (DESIGN.md §3): every step, decision and message, kept apart from orchestration history.
/// <paramref name="Key"/> makes the write idempotent. Codes and ids only; <paramref name="At"/> is real time.
/// </summary>
public sealed record AuditEntry(
    string ApplicationId,
    string Key,
    DateTimeOffset At,
    string Event,
    string Actor,
    IReadOnlyDictionary<string, string> Details);

/// <summary>Who did something, for the audit log.</summary>
public static class Actors
{
    public const string System = "system";
    public const string Employer = "employer";
    public const string Caseworker = "caseworker";
    public const string FederalOffice = "federal-office";
    public const string Operator = "operator";
    public const string ThirdParty = "third-party";
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
