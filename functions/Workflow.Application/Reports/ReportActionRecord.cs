using Workflow.Orchestrations.Reports;

namespace Workflow.Application.Reports;

/// <summary>
/// An inspector's action on a report as the reports table keeps it: who (subject and display name), from which
/// inspection, to which (a forward), why (a forward's reason) or with what outcome (a close), when, its content's
/// fingerprint (idempotency), and whether the workflow applied it (null until it did or refused it).
/// </summary>
public sealed record ReportActionRecord(
    string ActionId,
    ReportActionKind Kind,
    Inspection From,
    Inspection? To,
    string? Reason,
    ReportOutcome? Outcome,
    string? Note,
    string BySubject,
    string? ByName,
    DateTimeOffset At,
    [property: System.Text.Json.Serialization.JsonIgnore] string Fingerprint,
    bool? Applied = null);
