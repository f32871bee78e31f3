using System.Globalization;
using System.Text.Json;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Application.Payments;

/// <summary>Section "PaymentProvider": the provider's callback secret (Key Vault in Azure) and its replay window.</summary>
public sealed class PaymentProviderSettings
{
    public const string Section = "PaymentProvider";

    /// <summary>The HMAC key the provider signs its callbacks with; at least 32 characters.</summary>
    public string? WebhookSecret { get; set; }

    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The applicant's side of the fee (§2.5): <c>POST /api/applications/{id}/payments</c> starts a payment at the payment
/// service provider for the fee due and answers where to pay; only the provider's signed callback confirms it
/// (<see cref="PaymentCallbacks"/>). Recorded once per payment id (kind <c>payment</c>): the same id again is
/// answered from the record, another body with it is a 409.
/// </summary>
public sealed class PaymentCommands(CommandGate gate, IPaymentProvider provider, IPaymentLedger payments, TimeProvider time)
{
    /// <summary>No fee in the policy comes near this: anything above is not a fee (and never a 500).</summary>
    public const decimal MaxAmount = 100_000m;

    public async Task<CommandResult> StartAsync(string applicationId, PaymentRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "paymentId", request.PaymentId);
        if (request.Amount is decimal given && (given <= 0 || given > MaxAmount || decimal.Round(given, 2) != given))
        {
            errors.Add("amount", string.Create(CultureInfo.InvariantCulture, $"must be a positive amount of at most {MaxAmount:0} with at most two decimals"));
        }

        if (request.Currency is not null && (request.Currency.Length != 3 || !request.Currency.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("currency", "must be an ISO 4217 code, e.g. EUR");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        string paymentId = request.PaymentId!;
        string hash = CommandGate.Hash(new { request.Amount, request.Currency });
        ICommandLedger ledger = gate.Ledger;
        if (await ledger.GetAsync(applicationId, CommandKinds.Payment, paymentId, cancellationToken) is CommandRecord existing)
        {
            return await this.RepeatAsync(ledger, existing, hash, time.GetUtcNow(), cancellationToken);
        }

        (PermitCase? state, CommandResult? missing) = await gate.CaseAsync(applicationId, cancellationToken);
        if (state is null)
        {
            return missing!;
        }

        // A wrong amount is wrong whatever the state: said first, as the client can fix it.
        if (state.Terms.Admissibility.Fee is FeeTerms due && state.Fee != FeeStatus.NotDue
            && ((request.Amount is decimal amount && (long)(amount * 100) != due.AmountCents) || (request.Currency is string currency && currency != due.Currency)))
        {
            return new CommandResult(CommandStatus.Unprocessable, string.Create(CultureInfo.InvariantCulture, $"The fee for this application is {due.AmountCents / 100m:0.00} {due.Currency}."));
        }

        if (Refusal(state) is string refused)
        {
            return CommandResult.Conflict(refused);
        }

        FeeTerms fee = state.Terms.Admissibility.Fee!;

        int limit = state.Terms.EffectiveLimits.PaymentAttempts;
        if ((await ledger.ListAsync(applicationId, CommandKinds.Payment, cancellationToken)).Count >= limit)
        {
            return CommandResult.Conflict($"An application takes at most {limit} payment attempts; contact the department.");
        }

        // The provider first (idempotent on the key), then the payment's record (idempotent on its id): both exist
        // before the command is recorded, since a retry after that is answered from the command's record and starts
        // nothing, and the provider's callback looks the payment up. A request cut off before the command's record
        // starts the same checkout again on retry, never a second one. The command is then recorded, audited and
        // settled as the command gate does: a retry finds a start cut off before its settlement and finishes it.
        string reference = PaymentReference.For(applicationId);
        string messageId = CommandKinds.MessageId(CommandKinds.Payment, paymentId);
        PaymentCheckout checkout = await provider.StartAsync(
            new PaymentStart(applicationId, paymentId, reference, fee.AmountCents, fee.Currency, $"{applicationId}:{messageId}"), cancellationToken);

        DateTimeOffset now = time.GetUtcNow();
        await payments.RecordStartAsync(
            new PaymentRecord(applicationId, paymentId, checkout.ProviderPaymentId, fee.AmountCents, fee.Currency, reference, PaymentStatus.Started, now, checkout.CheckoutUrl),
            cancellationToken);
        Dictionary<string, string> details = ApplicationCommands.Details(
            ("paymentId", paymentId),
            ("amount", (fee.AmountCents / 100m).ToString("0.00", CultureInfo.InvariantCulture)),
            ("currency", fee.Currency),
            ("reference", reference),
            ("checkoutUrl", checkout.CheckoutUrl.ToString()),
            ("providerPaymentId", checkout.ProviderPaymentId),
            ("status", Codes.Of(PaymentStatus.Started)));
        var answer = new CommandAnswer(applicationId, CommandKinds.Payment, paymentId, CommandFate.Accepted, null, false, CommandAnswer.UrlOf(applicationId, CommandKinds.Payment, paymentId), details);
        var record = new CommandRecord(
            applicationId, CommandKinds.Payment, paymentId, hash, actor, now, CommandFate.Recorded,
            Reason: $"started at {provider.Name}; the provider's callback confirms it",
            Answer: JsonSerializer.Serialize(answer, WorkflowJson.Options));
        (bool recorded, CommandRecord stored) = await ledger.TryRecordAsync(record, cancellationToken);
        if (!recorded)
        {
            return await this.RepeatAsync(ledger, stored, hash, now, cancellationToken);
        }

        await this.SettleAsync(ledger, stored, answer, cancellationToken);
        return new CommandResult(CommandStatus.Accepted, Body: answer);
    }

    /// <summary>What follows the start's record, safe to repeat: its receipt in the audit log (without the checkout's address), then its fate.</summary>
    async Task SettleAsync(ICommandLedger ledger, CommandRecord stored, CommandAnswer answer, CancellationToken cancellationToken)
    {
        await gate.AuditReceiptAsync(stored, answer.Details.Where(d => d.Key != "checkoutUrl").ToDictionary(StringComparer.Ordinal), cancellationToken);
        await ledger.SettleAsync(stored.ApplicationId, new CommandSettlement(stored.MessageId, CommandFate.Accepted), stored.ReceivedAt, cancellationToken);
    }

    /// <summary>Why no payment can start on the case as it stands, in words for the applicant; null when one can.</summary>
    static string? Refusal(PermitCase state) => state switch
    {
        { IsDecided: true } => "The application is decided; it takes no more input.",
        { Fee: FeeStatus.NotDue } => PermitCaseModel.NoFeeExplanation(state),
        { Fee: FeeStatus.Paid } => $"The fee is paid (payment {state.FeePaymentId}).",
        _ => null,
    };

    /// <summary>
    /// A start seen before: the same content is answered from its record (200), or, when the first request was cut off
    /// before its start was settled, finished now and answered as that request would have been (202).
    /// </summary>
    async Task<CommandResult> RepeatAsync(ICommandLedger ledger, CommandRecord existing, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (existing.ContentHash != hash)
        {
            return CommandResult.Conflict($"The payment id {existing.CommandId} was used before with another amount or currency. Use a new id for a new payment.");
        }

        CommandAnswer original = JsonSerializer.Deserialize<CommandAnswer>(existing.Answer!, WorkflowJson.Options)!;
        if (existing.Fate == CommandFate.Recorded)
        {
            await this.SettleAsync(ledger, existing, original, cancellationToken);
            return new CommandResult(CommandStatus.Accepted, Body: original);
        }

        await ledger.NoteRepeatAsync(existing, now, cancellationToken);
        return new CommandResult(CommandStatus.AlreadyDone, Body: original with { Repeated = true });
    }
}
