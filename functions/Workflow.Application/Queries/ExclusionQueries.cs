using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Workflow.Application.Commands;
using Workflow.Application.Exclusions;
using Workflow.Application.Ports;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Queries;

/// <summary>
/// Reads of the exclusion registry for caseworkers, managers and inspectors: one exclusion with its history, or a page
/// of them (an indexed range read of the registry, never a scan of everything). In force means: it would bar an
/// application submitted now.
/// </summary>
public sealed class ExclusionQueries(IExclusionLedger ledger, IExcludedPersons persons, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<ExclusionView?> GetAsync(string exclusionId, CancellationToken cancellationToken)
    {
        ExclusionRecord? record = ExclusionCommands.IsWellFormedId(exclusionId) ? await ledger.GetAsync(exclusionId, cancellationToken) : null;
        if (record is null)
        {
            return null;
        }

        string? reference = record.Proposal.Party == ExcludedParty.Director
            ? (await persons.GetAsync(exclusionId, cancellationToken))?.PersonNumber
            : PartyKeys.EmployerKbo(record.Proposal.PartyKey);
        return View(record, reference, time.GetUtcNow(), withHistory: true);
    }

    public async Task<ExclusionPage> ListAsync(ExclusionPaging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        ExclusionLedgerPage page = await ledger.ListAsync(paging.PageSize, paging.StartAt, cancellationToken);
        DateTimeOffset now = time.GetUtcNow();
        return new ExclusionPage(
            [.. page.Records.Select(r => View(r, PartyKeys.EmployerKbo(r.Proposal.PartyKey), now, withHistory: false))],
            page.NextStartAt is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(page.NextStartAt)));
    }

    /// <summary>Reads <c>pageSize</c> (1 to <see cref="MaxPageSize"/>, default <see cref="DefaultPageSize"/>) and <c>continuation</c> (a token of this API); null with errors otherwise.</summary>
    public static ExclusionPaging? Paging(string? pageSize, string? continuation, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        int size = DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add("pageSize", $"must be a whole number from 1 to {MaxPageSize}");
        }

        string? startAt = null;
        if (continuation is not null)
        {
            // Checked before decoding: the decoder throws on characters outside the alphabet.
            startAt = continuation.Length <= 200 && Base64Url.IsValid(continuation, out int length)
                ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(continuation)[..length])
                : null;
            if (!ExclusionCommands.IsWellFormedId(startAt))
            {
                errors.Add("continuation", "must be the continuation token of an earlier page, as given");
            }
        }

        return errors.IsValid ? new ExclusionPaging(size, startAt) : null;
    }

    static ExclusionView View(ExclusionRecord record, string? partyReference, DateTimeOffset now, bool withHistory) => new(
        record.ExclusionId,
        record.Proposal.Party,
        partyReference,
        record.Status,
        record.InForceAt(now),
        record.Terms,
        record.Status == ExclusionStatus.Lifted ? [] : [.. record.Changes.Where(c => c.Confirmation is null).Select(c => c.ChangeId)],
        withHistory ? [.. record.History.Select(Item)] : null);

    static ExclusionHistoryItem Item(ExclusionEntry entry) => entry switch
    {
        ExclusionProposed proposed => new(entry.EventName, null, entry.By, entry.At, proposed.Terms, null, null),
        CorrectionProposed correction => new(entry.EventName, correction.ChangeId, entry.By, entry.At, correction.Terms, null, null),
        LiftProposed lift => new(entry.EventName, lift.ChangeId, entry.By, entry.At, null, lift.ReasonCode, lift.DecisionReference),
        ExclusionChangeEntry change => new(entry.EventName, change.ChangeId, entry.By, entry.At, null, null, null),
        _ => new(entry.EventName, null, entry.By, entry.At, null, null, null),
    };
}
