namespace Workflow.Orchestrations.Domain;

/// <summary>The SLA tracks (docs/design.md#sla-semantics).</summary>
public enum SlaTrack
{
    /// <summary>Highly skilled: 15 days maximum from 2025-05-01 (§2.2).</summary>
    FastLane,

    /// <summary>Other single-permit categories: 30 days, 45 in a peak period, from 2026-01-01 (§2.4, interpretation).</summary>
    Standard,
}
