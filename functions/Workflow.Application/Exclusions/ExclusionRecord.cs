using System.Globalization;
using Workflow.Application.Access;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Exclusions;

/// <summary>
/// One exclusion of the registry (§2.1) as its history tells it, and the four-eyes rules for what may be added:
/// <list type="bullet">
/// <item>an exclusion, a lift and a correction are proposals by their author, in force only once a second person
/// (another token subject) confirms them; the author confirming their own is refused;</item>
/// <item>a lift or correction applies to a confirmed exclusion that is not lifted; a lifted exclusion stays lifted;</item>
/// <item>an id (exclusion or change) names one request: the same request again is answered with the first entry, other
/// content under a taken id is refused.</item>
/// </list>
/// State is read as of an instant (<see cref="InForceAt"/>): what was confirmed by then counts, what came later does
/// not, so a late question about an early instant gets the answer it would have had then.
/// </summary>
public sealed class ExclusionRecord
{
    ExclusionRecord(ExclusionProposed proposal, ExclusionConfirmed? confirmation, IReadOnlyList<ExclusionChange> changes)
    {
        this.Proposal = proposal;
        this.Confirmation = confirmation;
        this.Changes = changes;
    }

    public string ExclusionId => this.Proposal.ExclusionId;

    public ExclusionProposed Proposal { get; }

    public ExclusionConfirmed? Confirmation { get; }

    /// <summary>The lifts and corrections proposed, in the order they were proposed.</summary>
    public IReadOnlyList<ExclusionChange> Changes { get; }

    /// <summary>When the first confirmed lift was confirmed; null while not lifted.</summary>
    public DateTimeOffset? LiftedAt =>
        this.Changes.Where(c => c.Kind == ExclusionChangeKind.Lift && c.Confirmation is not null).Select(c => (DateTimeOffset?)c.Confirmation!.At).Min();

    public ExclusionStatus Status =>
        this.LiftedAt is not null ? ExclusionStatus.Lifted : this.Confirmation is null ? ExclusionStatus.Proposed : ExclusionStatus.Confirmed;

    /// <summary>Every entry, oldest first: who proposed and confirmed what, when.</summary>
    public IReadOnlyList<ExclusionEntry> History
    {
        get
        {
            var entries = new List<ExclusionEntry> { this.Proposal };
            if (this.Confirmation is not null)
            {
                entries.Add(this.Confirmation);
            }

            foreach (ExclusionChange change in this.Changes)
            {
                entries.Add(change.Proposal);
                if (change.Confirmation is not null)
                {
                    entries.Add(change.Confirmation);
                }
            }

            return [.. entries.OrderBy(e => e.At).ThenBy(e => e is ExclusionConfirmed or ChangeConfirmed ? 1 : 0)];
        }
    }

    /// <summary>The terms as they read now: the confirmed ones with the confirmed corrections, or the proposed ones while unconfirmed.</summary>
    public ExclusionTerms Terms => this.TermsAt(DateTimeOffset.MaxValue) ?? this.Proposal.Terms;

    /// <summary>
    /// The terms in force at <paramref name="at"/>: null when the exclusion was not confirmed by then; otherwise the
    /// proposed terms as corrected by the corrections confirmed by then (and before any lift), in the order confirmed.
    /// </summary>
    public ExclusionTerms? TermsAt(DateTimeOffset at)
    {
        if (this.Confirmation is null || this.Confirmation.At > at)
        {
            return null;
        }

        DateTimeOffset? lifted = this.LiftedAt;
        ExclusionTerms terms = this.Proposal.Terms;
        foreach (ExclusionChange change in this.Changes
            .Where(c => c.Proposal is CorrectionProposed && c.Confirmation is { } confirmed && confirmed.At <= at && (lifted is null || confirmed.At < lifted))
            .OrderBy(c => c.Confirmation!.At))
        {
            terms = ((CorrectionProposed)change.Proposal).Terms;
        }

        return terms;
    }

    /// <summary>Whether the exclusion barred an application at <paramref name="at"/>: confirmed and not lifted by then, its terms covering that Belgian date.</summary>
    public bool InForceAt(DateTimeOffset at) =>
        this.TermsAt(at) is { } terms && !(this.LiftedAt <= at) && terms.CoversDate(PolicyCatalog.BelgianDate(at));

    /// <summary>The record of an exclusion from its entries, in any order; null without a proposal.</summary>
    public static ExclusionRecord? Of(IEnumerable<ExclusionEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        List<ExclusionEntry> all = [.. entries];
        if (all.OfType<ExclusionProposed>().FirstOrDefault() is not { } proposal)
        {
            return null;
        }

        Dictionary<string, ChangeConfirmed> confirmations = all.OfType<ChangeConfirmed>()
            .GroupBy(c => c.ChangeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).First(), StringComparer.Ordinal);
        List<ExclusionChange> changes = [.. all.OfType<ExclusionChangeEntry>()
            .Where(e => e is not ChangeConfirmed)
            .OrderBy(e => e.At)
            .Select(e => new ExclusionChange(e, confirmations.GetValueOrDefault(e.ChangeId)))];
        return new ExclusionRecord(proposal, all.OfType<ExclusionConfirmed>().FirstOrDefault(), changes);
    }

    /// <summary>A new exclusion under an id: recorded when the id is free; the same proposal again is a repeat; other content is refused.</summary>
    public static RegistryDecision Propose(ExclusionRecord? existing, ExclusionProposed proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (existing is null)
        {
            return RegistryDecision.ToRecord(proposal);
        }

        return existing.Proposal.SameRequestAs(proposal)
            ? RegistryDecision.Repeat(existing.Proposal)
            : RegistryDecision.Refuse($"Exclusion {proposal.ExclusionId} was already proposed with other content or by another person. Use a new exclusion id for a new exclusion.");
    }

    /// <summary>Confirms the proposed exclusion: by a second person only; the confirmer's repeat is answered with their confirmation.</summary>
    public RegistryDecision Confirm(Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (this.Confirmation is { } confirmed)
        {
            return ExclusionEntry.SamePerson(confirmed.By, by)
                ? RegistryDecision.Repeat(confirmed)
                : RegistryDecision.Refuse($"Exclusion {this.ExclusionId} was already confirmed by another person on {Day(confirmed.At)}.");
        }

        if (ExclusionEntry.SamePerson(this.Proposal.By, by))
        {
            return RegistryDecision.Refuse(
                $"Four eyes: the author of exclusion {this.ExclusionId} cannot confirm it. Another manager or inspector confirms it; until then it is not in force.");
        }

        return RegistryDecision.ToRecord(new ExclusionConfirmed(this.ExclusionId, by, at));
    }

    /// <summary>Proposes a lift or a correction: of a confirmed, unlifted exclusion, under a change id not taken by other content.</summary>
    public RegistryDecision ProposeChange(ExclusionChangeEntry change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change is ChangeConfirmed)
        {
            throw new ArgumentException("A confirmation is not a change to propose.", nameof(change));
        }

        if (this.Changes.FirstOrDefault(c => c.ChangeId == change.ChangeId) is { } earlier)
        {
            return earlier.Proposal.SameRequestAs(change)
                ? RegistryDecision.Repeat(earlier.Proposal)
                : RegistryDecision.Refuse($"Change {change.ChangeId} of exclusion {this.ExclusionId} was already proposed with other content or by another person. Use a new change id.");
        }

        if (this.Confirmation is null)
        {
            return RegistryDecision.Refuse(
                $"Exclusion {this.ExclusionId} is still a proposal and not in force: it can be lifted or corrected once a second person has confirmed it.");
        }

        if (this.LiftedAt is { } lifted)
        {
            return RegistryDecision.Refuse($"Exclusion {this.ExclusionId} was lifted on {Day(lifted)}; a lifted exclusion is not lifted or corrected again.");
        }

        if (change is CorrectionProposed correction && correction.Terms == this.Terms)
        {
            return RegistryDecision.Refuse($"The correction restates the terms exclusion {this.ExclusionId} has now; there is nothing to correct.");
        }

        return RegistryDecision.ToRecord(change);
    }

    /// <summary>Confirms a proposed lift or correction: by a person other than its author, while the exclusion is not lifted.</summary>
    public RegistryDecision ConfirmChange(string changeId, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (this.Changes.FirstOrDefault(c => c.ChangeId == changeId) is not { } change)
        {
            return RegistryDecision.Unknown($"Exclusion {this.ExclusionId} has no proposed change {changeId}.");
        }

        if (change.Confirmation is { } confirmed)
        {
            return ExclusionEntry.SamePerson(confirmed.By, by)
                ? RegistryDecision.Repeat(confirmed)
                : RegistryDecision.Refuse($"Change {changeId} of exclusion {this.ExclusionId} was already confirmed by another person on {Day(confirmed.At)}.");
        }

        if (ExclusionEntry.SamePerson(change.Proposal.By, by))
        {
            return RegistryDecision.Refuse(
                $"Four eyes: the author of change {changeId} cannot confirm it. Another manager or inspector confirms it; until then it does not apply.");
        }

        if (this.LiftedAt is { } lifted)
        {
            return RegistryDecision.Refuse($"Exclusion {this.ExclusionId} was lifted on {Day(lifted)}; change {changeId} can no longer apply.");
        }

        return RegistryDecision.ToRecord(new ChangeConfirmed(this.ExclusionId, changeId, change.Kind, by, at));
    }

    /// <summary>
    /// After a race for a slot was lost (another request recorded its entry between reading and writing): the same
    /// request is a repeat, anything else is refused as the rules refuse a second entry there.
    /// </summary>
    public static RegistryDecision Raced(ExclusionEntry attempted, ExclusionEntry stored)
    {
        ArgumentNullException.ThrowIfNull(attempted);
        ArgumentNullException.ThrowIfNull(stored);
        return stored.SameRequestAs(attempted)
            ? RegistryDecision.Repeat(stored)
            : RegistryDecision.Refuse($"Another person recorded {stored.EventName} for exclusion {stored.ExclusionId} at the same moment; read the exclusion and try again if still needed.");
    }

    static string Day(DateTimeOffset at) => PolicyCatalog.BelgianDate(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
