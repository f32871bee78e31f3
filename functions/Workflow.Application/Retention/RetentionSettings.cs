namespace Workflow.Application.Retention;

/// <summary>
/// Section "Retention" (real time, not policy days). Orchestration history is purged soon after an application closes
/// (it is an execution log, and privacy asks for it to go); the dossier, with the personal data, much later; the audit
/// log and the case index (ids and codes only) are the government record and are kept. The periods are placeholders
/// until the department's retention schedule fixes them.
/// </summary>
public sealed class RetentionSettings
{
    public const string Section = "Retention";

    /// <summary>History of finished instances created longer ago than this is purged.</summary>
    public TimeSpan HistoryAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The dossier of an application closed longer ago than this is deleted (placeholder: ten years).</summary>
    public TimeSpan DossierAfter { get; set; } = TimeSpan.FromDays(3653);

    /// <summary>How often the local host's job runs (the Functions app uses its timer schedule instead).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
