namespace Workflow.Orchestrations.Domain;

/// <summary>The SLA tracks: which maximum term an application runs under (concept note §2.2, §2.4; docs/design.md#sla-semantics).</summary>
public enum SlaTrack
{
    /// <summary>Highly skilled: 15 days maximum from 2025-05-01 (§2.2).</summary>
    FastLane,

    /// <summary>Other single-permit categories: 30 days, 45 in a peak period, from 2026-01-01 (§2.4, interpretation).</summary>
    Standard,

    /// <summary>
    /// No track was in force on the submission date (a highly skilled file before 2025-05-01, any other before
    /// 2026-01-01): the application is followed without a due date and shown as such, never under a track that did not
    /// exist yet.
    /// </summary>
    Untracked,
}
