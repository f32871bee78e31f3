using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Workflow.Application.Access;
using Workflow.Application.Ports;
using Workflow.Application.Submissions;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Commands;

/// <summary>
/// What applicants, caseworkers and managers do to a running application: supply documents, withdraw or correct it,
/// ask for information (and consent to asking more), decide. Each command is validated (400), then passes the
/// <see cref="CommandGate"/>: checked against the case (409 with the reason), recorded once with its sender, kept in
/// the dossier, raised on the workflow; its fate is on its record.
/// </summary>
public sealed class ApplicationCommands(CommandGate gate, IDossierStore dossiers, TimeProvider time)
{
    public const int DefaultInformationDeadlineDays = 15;

    /// <summary>More grounds than there are named grounds, with room for repeats, is not a decision.</summary>
    public const int MaxGrounds = 20;

    public async Task<CommandResult> SupplyDocumentsAsync(string applicationId, SupplyDocumentsRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        IReadOnlyList<ValidatedDocument> documents = DocumentRules.Validate(errors, "documents", request.Documents, time.GetUtcNow(), required: true);
        if (request.RequestId is not null)
        {
            TextRules.Id(errors, "requestId", request.RequestId);
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        // The batch is its content: the same documents again are the same command, answered from its record.
        string batch = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', documents.Select(d => d.Record.Sha256).Order(StringComparer.Ordinal)))))[..24];
        IReadOnlyList<string> types = [.. documents.Select(d => d.Record.Type).Distinct()];
        return await gate.PassAsync(
            new CommandDraft(
                applicationId,
                CommandKinds.Documents,
                batch,
                new { documents = documents.Select(d => d.Record.Sha256).Order(StringComparer.Ordinal), request.RequestId },
                actor,
                now => (PermitEvents.DocumentsSupplied, new DocumentsSupplied(CommandKinds.MessageId(CommandKinds.Documents, batch), applicationId, now, types, request.RequestId)),
                Details(("types", string.Join(',', types)), ("requestId", request.RequestId)),
                Keep: async (_, ct) =>
                {
                    foreach (ValidatedDocument document in documents)
                    {
                        await document.SaveAsync(dossiers, applicationId, ct); // staged while the body was read: copied into the dossier
                    }
                }),
            cancellationToken);
    }

    public async Task<CommandResult> RequestInformationAsync(string applicationId, InformationRequestRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "requestId", request.RequestId);
        TextRules.FreeText(errors, "question", request.Question, 4000);
        if (request.DeadlineDays is < 1 or > 60)
        {
            errors.Add("deadlineDays", "must be from 1 to 60 policy days");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        string requestId = request.RequestId!;
        int deadlineDays = request.DeadlineDays ?? DefaultInformationDeadlineDays;
        return await gate.PassAsync(
            new CommandDraft(
                applicationId,
                CommandKinds.InformationRequest,
                requestId,
                new { question = request.Question, deadlineDays },
                actor,
                now => (PermitEvents.InformationRequested, new InformationRequested(CommandKinds.MessageId(CommandKinds.InformationRequest, requestId), applicationId, now, requestId, deadlineDays)),
                Details(("requestId", requestId), ("deadlineDays", deadlineDays.ToString(CultureInfo.InvariantCulture))),
                Keep: (now, ct) => dossiers.SaveRecordAsync(
                    applicationId, $"information-requests/{requestId}.json", new InformationRequestRecord(requestId, request.Question!, deadlineDays, now), ct),
                HoldForConsent: (state, earlier) =>
                    earlier.Count(c => c.Fate != CommandFate.Rejected) >= state.Terms.EffectiveLimits.InformationRequestsWithoutConsent),
            cancellationToken);
    }

    /// <summary>
    /// A manager's answer to an information request held for consent: granted, it is raised as it was recorded; denied,
    /// it is settled as rejected with the manager's reason. Recorded once per request (kind information-consent).
    /// </summary>
    public async Task<CommandResult> ConsentAsync(string applicationId, string requestId, InformationConsentRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        errors.Require("grant", request.Grant);
        TextRules.FreeText(errors, "reason", request.Reason, 2000, required: request.Grant == false);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        ICommandLedger ledger = gate.Ledger;
        CommandRecord? held = await ledger.GetAsync(applicationId, CommandKinds.InformationRequest, requestId, cancellationToken);
        if (held is null)
        {
            return new CommandResult(CommandStatus.NotFound, $"Application {applicationId} has no information request {requestId}.");
        }

        bool grant = request.Grant!.Value;
        return await gate.PassAsync(
            new CommandDraft(
                applicationId,
                CommandKinds.InformationConsent,
                requestId,
                new { grant, request.Reason },
                actor,
                now => (PermitEvents.InformationRequested, new InformationRequested(held.MessageId, applicationId, now, requestId, 0)),
                Details(("requestId", requestId), ("grant", grant ? "true" : "false")),
                Check: _ => held.Fate == CommandFate.AwaitingConsent
                    ? null
                    : new Refusal("not-held", $"Information request {requestId} does not wait for consent (it is {Codes.Of(held.Fate)})."),
                Keep: async (now, ct) =>
                {
                    if (grant)
                    {
                        await gate.RaiseAsync(held, ct);
                    }
                    else
                    {
                        await ledger.SettleAsync(applicationId, new CommandSettlement(held.MessageId, CommandFate.Rejected, $"A manager did not consent: {request.Reason}"), now, ct);
                    }
                },
                RaisesNothing: true),
            cancellationToken);
    }

    public async Task<CommandResult> DecideAsync(string applicationId, DecisionRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "decisionId", request.DecisionId);
        errors.Require("verdict", request.Verdict);
        TextRules.FreeText(errors, "motivation", request.Motivation, 10_000);
        TextRules.FreeText(errors, "overrideReason", request.OverrideReason, 10_000, required: false);
        IReadOnlyList<string> grounds = request.Grounds ?? [];
        if (grounds.Count > MaxGrounds)
        {
            // Checked before the entries, so a flood of junk grounds gets one line back, not one per entry.
            errors.Add("grounds", $"at most {MaxGrounds} grounds");
        }
        else
        {
            for (int i = 0; i < grounds.Count; i++)
            {
                if (grounds[i] is not string ground || !DecisionGrounds.CaseworkerGrounds.Any(g => g.Code == ground))
                {
                    // Which entry, not what it says: a problem never repeats what the client sent.
                    errors.Add("grounds", $"entry {i} is not a refusal ground; use one of {string.Join(", ", DecisionGrounds.CaseworkerGrounds.Select(g => g.Code))}");
                }
            }
        }

        if (request.Verdict == CaseworkerVerdict.Refuse && grounds.Count == 0)
        {
            errors.Add("grounds", "a refusal must cite at least one named ground (§2.1)");
        }

        if (request.Verdict == CaseworkerVerdict.Approve && grounds.Count > 0)
        {
            errors.Add("grounds", "an approval cites no refusal grounds");
        }

        if (request.Verdict == CaseworkerVerdict.Refuse && request.OverrideReason is not null)
        {
            errors.Add("overrideReason", "an override reason belongs to an approval against a negative third-party answer");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        string decisionId = request.DecisionId!;
        CaseworkerVerdict verdict = request.Verdict!.Value;
        IReadOnlyList<string> distinctGrounds = [.. grounds.Distinct(StringComparer.Ordinal)];
        bool overriding = request.OverrideReason is not null;
        return await gate.PassAsync(
            new CommandDraft(
                applicationId,
                CommandKinds.Decision,
                decisionId,
                new { verdict, grounds = distinctGrounds, request.Motivation, request.OverrideReason },
                actor,
                now => (PermitEvents.CaseworkerDecided, new CaseworkerDecided(CommandKinds.MessageId(CommandKinds.Decision, decisionId), applicationId, now, decisionId, verdict, distinctGrounds, overriding)),
                Details(("decisionId", decisionId), ("verdict", Codes.Of(verdict)), ("grounds", string.Join(',', distinctGrounds)), ("override", overriding ? "true" : "false")),
                Slot: CommandKinds.Decision,
                Keep: (now, ct) => dossiers.SaveRecordAsync(
                    applicationId, $"decisions/{decisionId}.json", new DecisionRecord(decisionId, verdict, distinctGrounds, request.Motivation!, now, request.OverrideReason), ct)),
            cancellationToken);
    }

    /// <summary>The applicant withdraws the application before the decision: the workflow closes it as withdrawn.</summary>
    public async Task<CommandResult> WithdrawAsync(string applicationId, WithdrawalRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "withdrawalId", request.WithdrawalId);
        TextRules.FreeText(errors, "reason", request.Reason, 2000, required: false);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        string withdrawalId = request.WithdrawalId!;
        return await gate.PassAsync(
            new CommandDraft(
                applicationId,
                CommandKinds.Withdrawal,
                withdrawalId,
                new { request.Reason },
                actor,
                now => (PermitEvents.ApplicationWithdrawn, new ApplicationWithdrawn(CommandKinds.MessageId(CommandKinds.Withdrawal, withdrawalId), applicationId, now, withdrawalId)),
                Details(("withdrawalId", withdrawalId)),
                Slot: CommandKinds.Withdrawal,
                Keep: (now, ct) => dossiers.SaveRecordAsync(applicationId, $"withdrawals/{withdrawalId}.json", new WithdrawalRecord(withdrawalId, request.Reason, now), ct)),
            cancellationToken);
    }

    /// <summary>
    /// The applicant corrects the application before the decision. The corrected application becomes the dossier's
    /// application; every earlier version is kept beside it (<c>corrections/{id}.previous.json</c>), nothing is lost.
    /// </summary>
    public async Task<CommandResult> CorrectAsync(string applicationId, CorrectionRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ApplicationDossier? filed = await dossiers.GetApplicationAsync(applicationId, cancellationToken);
        if (filed is null)
        {
            return CommandResult.NotFound(applicationId);
        }

        var errors = new ValidationErrors();
        if (SubmissionValidator.ValidateCorrection(request, filed, time.GetUtcNow(), errors) is not var (corrected, sections))
        {
            return CommandResult.Invalid(errors);
        }

        string correctionId = request.CorrectionId!;
        return await gate.PassAsync(
            new CommandDraft(
                applicationId,
                CommandKinds.Correction,
                correctionId,
                new { request.Employer, request.Worker, request.Job, request.LabourMarketTest },
                actor,
                now => (PermitEvents.ApplicationCorrected, new ApplicationCorrected(CommandKinds.MessageId(CommandKinds.Correction, correctionId), applicationId, now, correctionId, sections)),
                Details(("correctionId", correctionId), ("sections", string.Join(',', sections))),
                Keep: async (_, ct) =>
                {
                    string previous = $"corrections/{correctionId}.previous.json";
                    if (await dossiers.GetRecordAsync<ApplicationDossier>(applicationId, previous, ct) is null)
                    {
                        await dossiers.SaveRecordAsync(applicationId, previous, filed, ct);
                    }

                    await dossiers.SaveRecordAsync(applicationId, $"corrections/{correctionId}.json", corrected, ct);
                    await dossiers.SaveApplicationAsync(corrected, ct);
                }),
            cancellationToken);
    }

    /// <summary>Codes and ids for an answer and an audit row; absent values are left out.</summary>
    internal static Dictionary<string, string> Details(params (string Key, string? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
}
