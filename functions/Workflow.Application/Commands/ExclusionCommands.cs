using Workflow.Application.Access;
using Workflow.Application.Exclusions;
using Workflow.Application.Ports;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Commands;

/// <summary>
/// The exclusion registry as managers and inspectors keep it (§2.1), four-eyes: an exclusion, a lift and a correction
/// are proposals by their author and apply once a second person confirms them (<see cref="ExclusionRecord"/> holds the
/// rules). Every command records who acted; every entry is kept. Commands are idempotent by the client's ids: the same
/// request again answers 200 with the first result, other content under a taken id 409. A director's person number is
/// checked, fingerprinted for the tables and kept in clear only in Blob storage.
/// </summary>
public sealed class ExclusionCommands(IExclusionLedger ledger, IExcludedPersons persons, IPartyFingerprint fingerprints, TimeProvider time)
{
    /// <summary>Where an exclusion and its history are read.</summary>
    public static string Url(string exclusionId) => $"/api/exclusions/{exclusionId}";

    /// <summary>Whether an id from a URL can name an exclusion or change (a client id); others are not looked up, nor echoed.</summary>
    public static bool IsWellFormedId(string? id) => id is not null && TextRules.ClientId().IsMatch(id);

    public async Task<CommandResult> ProposeAsync(ExclusionRequest request, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "exclusionId", request.ExclusionId);
        errors.Require("party", request.Party);
        ExclusionTerms? terms = Terms(errors, request.From, request.Until, request.ReasonCode, request.DecisionReference);

        string? partyKey = null;
        string? personNumber = null;
        if (request.Party == ExcludedParty.Employer)
        {
            if (EnterpriseNumber.IsValid(request.PartyReference, out string kbo))
            {
                partyKey = PartyKeys.Employer(kbo);
            }
            else
            {
                errors.Add("partyReference", "an employer is excluded by its KBO number (with valid check digits)");
            }
        }
        else if (request.Party == ExcludedParty.Director)
        {
            PersonNumberCheck check = PersonNumber.Check(request.PartyReference);
            if (check.IsValid)
            {
                personNumber = PersonNumber.Normalize(request.PartyReference)!;
                partyKey = PartyKeys.Director(fingerprints, personNumber);
            }
            else
            {
                errors.Add("partyReference", $"a director is excluded by their INSZ or BIS number: {check.Error}");
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        var proposal = new ExclusionProposed(request.ExclusionId!, request.Party!.Value, partyKey!, terms!, by, time.GetUtcNow());
        ExclusionRecord? existing = await ledger.GetAsync(proposal.ExclusionId, cancellationToken);
        CommandResult result = await this.RecordAsync(ExclusionRecord.Propose(existing, proposal), cancellationToken);

        // The clear number goes to Blob storage once the tables hold the proposal; a repeat stores it if a crash left it out.
        if (personNumber is not null && result.Status is CommandStatus.Accepted or CommandStatus.AlreadyDone)
        {
            await persons.SaveAsync(new ExcludedPerson(proposal.ExclusionId, personNumber), cancellationToken);
        }

        return result;
    }

    public async Task<CommandResult> ConfirmAsync(string exclusionId, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        ExclusionRecord? record = IsWellFormedId(exclusionId) ? await ledger.GetAsync(exclusionId, cancellationToken) : null;
        return record is null ? UnknownExclusion(exclusionId) : await this.RecordAsync(record.Confirm(by, time.GetUtcNow()), cancellationToken);
    }

    public async Task<CommandResult> LiftAsync(string exclusionId, ExclusionLiftRequest request, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        if (!IsWellFormedId(exclusionId))
        {
            return UnknownExclusion(exclusionId);
        }

        var errors = new ValidationErrors();
        TextRules.Id(errors, "changeId", request.ChangeId);
        _ = ReasonCode(errors, "reasonCode", request.ReasonCode, "annulled-on-appeal");
        TextRules.Id(errors, "decisionReference", request.DecisionReference);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        ExclusionRecord? record = await ledger.GetAsync(exclusionId, cancellationToken);
        return record is null
            ? UnknownExclusion(exclusionId)
            : await this.RecordAsync(
                record.ProposeChange(new LiftProposed(exclusionId, request.ChangeId!, request.ReasonCode!, request.DecisionReference!, by, time.GetUtcNow())),
                cancellationToken);
    }

    public async Task<CommandResult> CorrectAsync(string exclusionId, ExclusionCorrectionRequest request, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        if (!IsWellFormedId(exclusionId))
        {
            return UnknownExclusion(exclusionId);
        }

        var errors = new ValidationErrors();
        TextRules.Id(errors, "changeId", request.ChangeId);
        ExclusionTerms? terms = Terms(errors, request.From, request.Until, request.ReasonCode, request.DecisionReference);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        ExclusionRecord? record = await ledger.GetAsync(exclusionId, cancellationToken);
        return record is null
            ? UnknownExclusion(exclusionId)
            : await this.RecordAsync(record.ProposeChange(new CorrectionProposed(exclusionId, request.ChangeId!, terms!, by, time.GetUtcNow())), cancellationToken);
    }

    public async Task<CommandResult> ConfirmChangeAsync(string exclusionId, string changeId, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        ExclusionRecord? record = IsWellFormedId(exclusionId) ? await ledger.GetAsync(exclusionId, cancellationToken) : null;
        if (record is null)
        {
            return UnknownExclusion(exclusionId);
        }

        return IsWellFormedId(changeId)
            ? await this.RecordAsync(record.ConfirmChange(changeId, by, time.GetUtcNow()), cancellationToken)
            : new CommandResult(CommandStatus.NotFound, $"Exclusion {exclusionId} has no such change (not a change id).");
    }

    /// <summary>Carries out the registry's decision: records a new entry (a lost race is decided by the entry that won), or answers.</summary>
    async Task<CommandResult> RecordAsync(RegistryDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Verdict == RegistryVerdict.Record)
        {
            LedgerAppend appended = await ledger.AppendAsync(decision.Entry!, cancellationToken);
            decision = appended.IsNew ? decision : ExclusionRecord.Raced(decision.Entry!, appended.Stored);
        }

        return decision.Verdict switch
        {
            RegistryVerdict.Record => CommandResult.Accepted(ExclusionReceipt.Of(decision.Entry!)),
            RegistryVerdict.Repeat => new CommandResult(CommandStatus.AlreadyDone, Body: ExclusionReceipt.Of(decision.Entry!)),
            RegistryVerdict.Unknown => new CommandResult(CommandStatus.NotFound, decision.Reason),
            _ => CommandResult.Conflict(decision.Reason!),
        };
    }

    static CommandResult UnknownExclusion(string exclusionId) =>
        new(CommandStatus.NotFound, IsWellFormedId(exclusionId) ? $"There is no exclusion {exclusionId}." : "There is no exclusion (not an exclusion id).");

    /// <summary>Checks the terms of an exclusion or correction; null when any is wrong.</summary>
    static ExclusionTerms? Terms(ValidationErrors errors, DateOnly? from, DateOnly? until, string? reasonCode, string? decisionReference)
    {
        bool valid = errors.Require("from", from);
        valid &= ReasonCode(errors, "reasonCode", reasonCode, "illegal-employment");
        valid &= decisionReference is not null && TextRules.ClientId().IsMatch(decisionReference);
        TextRules.Id(errors, "decisionReference", decisionReference);
        if (until is DateOnly last && from is DateOnly first && last < first)
        {
            errors.Add("until", "must not be before from");
            valid = false;
        }

        return valid ? new ExclusionTerms(from!.Value, until, reasonCode!, decisionReference!) : null;
    }

    static bool ReasonCode(ValidationErrors errors, string field, string? value, string example)
    {
        if (!errors.Require(field, value))
        {
            return false;
        }

        if (!TextRules.OccupationCode().IsMatch(value!))
        {
            errors.Add(field, $"must be a kebab-case code, e.g. {example}");
            return false;
        }

        return true;
    }
}
