using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask.Client;
using Workflow.Application.Ports;
using Workflow.Application.Submissions;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Commands;

/// <summary>
/// What employers and caseworkers do to a running application: supply documents, pay the fee, ask for information,
/// decide. Each command is validated, its data kept (dossier, ledgers), and the workflow told through an event whose
/// message id derives from the command's own id, so a retried command is dropped by the workflow as a duplicate.
/// State checks read the case index; it trails the workflow by a moment, and the workflow has the last word.
/// </summary>
public sealed class ApplicationCommands(
    DurableTaskClient client,
    ISubmissionLedger ledger,
    ICaseIndex caseIndex,
    IPaymentLedger payments,
    IDossierStore dossiers,
    IAuditLog auditLog,
    TimeProvider time)
{
    public const int DefaultInformationDeadlineDays = 15;

    /// <summary>More grounds than there are named grounds, with room for repeats, is not a decision.</summary>
    public const int MaxGrounds = 20;

    public async Task<CommandResult> SupplyDocumentsAsync(string applicationId, SupplyDocumentsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((await this.SubmissionAsync(applicationId, cancellationToken)).Missing is CommandResult missing)
        {
            return missing;
        }

        if (await this.ClosedAsync(applicationId, cancellationToken) is string closed)
        {
            return CommandResult.Conflict(closed);
        }

        DateTimeOffset now = time.GetUtcNow();
        var errors = new ValidationErrors();
        IReadOnlyList<ValidatedDocument> documents = DocumentRules.Validate(errors, "documents", request.Documents, now, required: true);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        foreach (ValidatedDocument document in documents)
        {
            await document.SaveAsync(dossiers, applicationId, cancellationToken);
        }

        // The same documents again make the same message id: the workflow acts on them once.
        string batch = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', documents.Select(d => d.Record.Sha256).Order(StringComparer.Ordinal)))))[..24];
        IReadOnlyList<string> types = [.. documents.Select(d => d.Record.Type).Distinct()];
        await this.AuditAsync(applicationId, $"api-documents-{batch}", now, "documents-received", Actors.Employer, ("types", string.Join(',', types)));
        await client.RaiseEventAsync(
            applicationId,
            PermitEvents.DocumentsSupplied,
            new DocumentsSupplied($"documents:{batch}", applicationId, now, types),
            cancellationToken);

        return CommandResult.Accepted(new
        {
            applicationId,
            documents = documents.Select(d => new { d.Record.Type, d.Record.Size, d.Record.Sha256 }),
        });
    }

    public async Task<CommandResult> PayAsync(string applicationId, PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        (SubmissionRecord? submission, CommandResult? missing) = await this.SubmissionAsync(applicationId, cancellationToken);
        if (submission is null)
        {
            return missing!;
        }

        var errors = new ValidationErrors();
        TextRules.Id(errors, "paymentId", request.PaymentId);
        errors.Require("amount", request.Amount);
        errors.Require("currency", request.Currency);
        if (request.Amount is decimal given && (given <= 0 || decimal.Round(given, 2) != given))
        {
            errors.Add("amount", "must be a positive amount with at most two decimals");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        if (submission.FeeCents is not long feeCents)
        {
            return CommandResult.Conflict("No fee is due for this application (a work card up to 90 days is exempt, §2.5).");
        }

        if (await this.ClosedAsync(applicationId, cancellationToken) is string closed)
        {
            return CommandResult.Conflict(closed);
        }

        long amountCents = (long)(request.Amount!.Value * 100);
        if (amountCents != feeCents || request.Currency != submission.FeeCurrency)
        {
            return new CommandResult(
                CommandStatus.Unprocessable,
                string.Create(CultureInfo.InvariantCulture, $"The fee for this application is {feeCents / 100m:0.00} {submission.FeeCurrency}."));
        }

        DateTimeOffset now = time.GetUtcNow();
        PaymentRecord stored = await payments.RecordAsync(new PaymentRecord(applicationId, request.PaymentId!, amountCents, request.Currency!, now), cancellationToken);
        if (stored.PaymentId != request.PaymentId)
        {
            return CommandResult.Conflict($"The fee was already paid (payment {stored.PaymentId}).");
        }

        await this.AuditAsync(applicationId, $"api-payment-{stored.PaymentId}", stored.ReceivedAt, "payment-received", Actors.Employer, ("paymentId", stored.PaymentId));
        await client.RaiseEventAsync(
            applicationId,
            PermitEvents.FeePaid,
            new FeePaid($"payment:{stored.PaymentId}", applicationId, stored.ReceivedAt, stored.PaymentId, stored.AmountCents, stored.Currency),
            cancellationToken);
        return CommandResult.Accepted(new { applicationId, paymentId = stored.PaymentId, amount = stored.AmountCents / 100m, currency = stored.Currency });
    }

    public async Task<CommandResult> RequestInformationAsync(string applicationId, InformationRequestRequest request, CancellationToken cancellationToken)
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

        (CaseSnapshot? snapshot, CommandResult? missing) = await this.CaseAsync(applicationId, "assessment", cancellationToken);
        if (snapshot is null)
        {
            return missing!;
        }

        if (snapshot.OpenInformationRequestId == request.RequestId)
        {
            return new CommandResult(CommandStatus.AlreadyDone, Body: new { applicationId, requestId = request.RequestId });
        }

        if (snapshot.Stage != Stage.AwaitingDecision || snapshot.OpenInformationRequestId is not null)
        {
            return CommandResult.Conflict(snapshot.OpenInformationRequestId is not null
                ? $"Information request {snapshot.OpenInformationRequestId} is still open."
                : $"Information can be requested while the caseworker's decision is open; the application is at stage {Codes.Of(snapshot.Stage)}.");
        }

        DateTimeOffset now = time.GetUtcNow();
        int deadlineDays = request.DeadlineDays ?? DefaultInformationDeadlineDays;
        await dossiers.SaveRecordAsync(
            applicationId,
            $"information-requests/{request.RequestId}.json",
            new InformationRequestRecord(request.RequestId!, request.Question!, deadlineDays, now),
            cancellationToken);
        await client.RaiseEventAsync(
            applicationId,
            PermitEvents.InformationRequested,
            new InformationRequested($"information-request:{request.RequestId}", applicationId, now, request.RequestId!, deadlineDays),
            cancellationToken);
        return CommandResult.Accepted(new { applicationId, requestId = request.RequestId, deadlineDays });
    }

    public async Task<CommandResult> DecideAsync(string applicationId, DecisionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "decisionId", request.DecisionId);
        errors.Require("verdict", request.Verdict);
        TextRules.FreeText(errors, "motivation", request.Motivation, 10_000);
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

        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        (CaseSnapshot? snapshot, CommandResult? missing) = await this.CaseAsync(applicationId, "a decision", cancellationToken);
        if (snapshot is null)
        {
            return missing!;
        }

        if (snapshot.Stage != Stage.AwaitingDecision)
        {
            return CommandResult.Conflict($"No caseworker decision is open; the application is at stage {Codes.Of(snapshot.Stage)}.");
        }

        if (snapshot.OpenThirdParties.FirstOrDefault() is { } waiting)
        {
            return CommandResult.Conflict(
                $"Third-party request {waiting.RequestId} ({Codes.Of(waiting.Kind)}) is open until {waiting.Deadline:yyyy-MM-dd}: decide on its answer, or after its deadline.");
        }

        DateTimeOffset now = time.GetUtcNow();
        IReadOnlyList<string> distinctGrounds = [.. grounds.Distinct(StringComparer.Ordinal)];
        await dossiers.SaveRecordAsync(
            applicationId,
            $"decisions/{request.DecisionId}.json",
            new DecisionRecord(request.DecisionId!, request.Verdict!.Value, distinctGrounds, request.Motivation!, now),
            cancellationToken);
        await client.RaiseEventAsync(
            applicationId,
            PermitEvents.CaseworkerDecided,
            new CaseworkerDecided($"decision:{request.DecisionId}", applicationId, now, request.DecisionId!, request.Verdict.Value, distinctGrounds),
            cancellationToken);
        return CommandResult.Accepted(new { applicationId, decisionId = request.DecisionId, verdict = request.Verdict, grounds = distinctGrounds });
    }

    /// <summary>The case-index row, or why there is none: an unknown application, or one whose workflow has not recorded its start yet.</summary>
    async Task<(CaseSnapshot? Snapshot, CommandResult? Missing)> CaseAsync(string applicationId, string openFor, CancellationToken cancellationToken)
    {
        CaseSnapshot? snapshot = await caseIndex.GetAsync(applicationId, cancellationToken);
        if (snapshot is not null)
        {
            return (snapshot, null);
        }

        return (null, await ledger.GetAsync(applicationId, cancellationToken) is null
            ? CommandResult.NotFound(applicationId)
            : CommandResult.Conflict($"The application is not yet open for {openFor}."));
    }

    /// <summary>
    /// The submission of an application whose workflow is scheduled, or why there is none: unknown, or still being
    /// registered (an event raised before the workflow exists would be dropped by the engine).
    /// </summary>
    async Task<(SubmissionRecord? Submission, CommandResult? Missing)> SubmissionAsync(string applicationId, CancellationToken cancellationToken) =>
        await ledger.GetAsync(applicationId, cancellationToken) switch
        {
            null => (null, CommandResult.NotFound(applicationId)),
            { Scheduled: false } => (null, CommandResult.Registering(applicationId)),
            SubmissionRecord submission => (submission, null),
        };

    async Task<string?> ClosedAsync(string applicationId, CancellationToken cancellationToken)
    {
        CaseSnapshot? snapshot = await caseIndex.GetAsync(applicationId, cancellationToken);
        return snapshot?.Stage is Stage.Deciding or Stage.Closed ? "The application is decided; it takes no more input." : null;
    }

    Task AuditAsync(string applicationId, string key, DateTimeOffset at, string eventCode, string actor, params (string Key, string Value)[] details) =>
        auditLog.AppendAsync(
            new AuditEntry(applicationId, key, at, eventCode, actor, details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal)),
            CancellationToken.None);
}
