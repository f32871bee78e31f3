using Workflow.Application.Exclusions;

namespace Workflow.Application.Ports;

/// <summary>
/// The exclusion registry's history (§2.1), append-only: every proposal, confirmation, lift and correction is an entry
/// in its own slot (<see cref="ExclusionEntry.Slot"/>), recorded with a conditional insert and never changed. Admissibility
/// reads the same records through <see cref="Orchestrations.Ports.IExclusionRegistry"/>.
/// </summary>
public interface IExclusionLedger
{
    /// <summary>
    /// Records <paramref name="entry"/> unless its slot is taken; returns the entry in the slot and whether it is this
    /// one. A proposal is recorded together with its party's index entry, in one transaction.
    /// </summary>
    Task<LedgerAppend> AppendAsync(ExclusionEntry entry, CancellationToken cancellationToken);

    /// <summary>The exclusion with its history, or null when it was never proposed.</summary>
    Task<ExclusionRecord?> GetAsync(string exclusionId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="pageSize"/> exclusions in id order from <paramref name="startAt"/> (inclusive; the first when null), by an indexed range read.</summary>
    Task<ExclusionLedgerPage> ListAsync(int pageSize, string? startAt, CancellationToken cancellationToken);
}
