using Workflow.Application.Exclusions;

namespace Workflow.Application.Ports;

/// <summary>A page of exclusions and the id the next page starts at (null after the last page).</summary>
public sealed record ExclusionLedgerPage(IReadOnlyList<ExclusionRecord> Records, string? NextStartAt);
