using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Queries;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;
using Workflow.Orchestrations.Withdrawals;
using Workflow.Orchestrations.Workflows.Withdrawal;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// The withdrawal of a granted work authorisation after a fraud finding (§2.1): an inspector's finding starts one
/// <see cref="WithdrawalOrchestrator"/> per withdrawal (one at a time per authorisation: the register's mark is the
/// lock); the employer answers the hearing; the caseworker decides. Every command is idempotent by the client's id
/// (the same content again answers 200, other content 409), checked against the withdrawal as its workflow recorded it
/// by the same model the workflow runs (409 with the reason, nothing stored), recorded with who sent it, then raised.
/// </summary>
public sealed partial class WithdrawalService(
    DurableTaskClient client,
    IWithdrawals withdrawals,
    IAuthorisationRegister register,
    IDossierStore dossiers,
    IAuditLog auditLog,
    PolicyCatalog policy,
    IOptions<WorkflowSettings> settings,
    TimeProvider clock,
    ILogger<WithdrawalService> logger)
{
    static readonly OrchestrationRuntimeStatus[] AllStatuses = [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses];

    public async Task<CommandResult> FileFindingAsync(FindingRequest request, Actor inspector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspector);
        var errors = new ValidationErrors();
        if (WithdrawalValidation.Check(request, errors) is not { } finding)
        {
            return CommandResult.Invalid(errors);
        }

        string fingerprint = WithdrawalValidation.Fingerprint(new { finding.AuthorisationId, finding.Ground, finding.Evidence, finding.Summary });
        FindingReservation? reservation = await withdrawals.FindReservationAsync(finding.FindingId!, cancellationToken);
        if (reservation is null)
        {
            // Nothing is stored for a finding the register refuses.
            if (this.Refusal(await register.GetAsync(finding.AuthorisationId!, cancellationToken), finding.AuthorisationId!, null) is { } refused)
            {
                return refused;
            }

            reservation = await withdrawals.ReserveFindingAsync(
                finding.FindingId!, new FindingReservation(WithdrawalIds.New(), fingerprint, New: true), cancellationToken);
        }

        if (reservation.Fingerprint != fingerprint)
        {
            return CommandResult.Conflict("This finding id was already used with different content. Use a new finding id for a new finding.");
        }

        var receipt = new WithdrawalReceipt(finding.FindingId!, reservation.WithdrawalId, finding.AuthorisationId!, !reservation.New, WithdrawalIds.Url(reservation.WithdrawalId));
        if (!reservation.New && await withdrawals.GetAsync(reservation.WithdrawalId, cancellationToken) is { State: not null })
        {
            return new CommandResult(CommandStatus.AlreadyDone, Body: receipt); // its workflow runs: nothing left to do
        }

        // New, or a repeat of one a crash may have cut off: every step below is safe to take again.
        if (await this.StartAsync(finding, reservation, inspector, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return reservation.New ? CommandResult.Accepted(receipt) : new CommandResult(CommandStatus.AlreadyDone, Body: receipt);
    }

    public async Task<CommandResult> RespondAsync(StoredWithdrawal withdrawal, HearingResponseRequest request, Actor employer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        ArgumentNullException.ThrowIfNull(employer);
        var errors = new ValidationErrors();
        if (!WithdrawalValidation.Check(request, errors))
        {
            return CommandResult.Invalid(errors);
        }

        var command = new WithdrawalCommand(
            WithdrawalModel.HearingResponseKind, request.ResponseId!, employer, clock.GetUtcNow(), WithdrawalValidation.Fingerprint(new { request.Statement }), Statement: request.Statement);
        return await this.CommandAsync(withdrawal, command, new HearingAnswered(command.MessageId, command.CommandId), WithdrawalEvents.HearingAnswered, cancellationToken);
    }

    public async Task<CommandResult> DecideAsync(StoredWithdrawal withdrawal, WithdrawalDecisionRequest request, Actor caseworker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        ArgumentNullException.ThrowIfNull(caseworker);
        var errors = new ValidationErrors();
        if (WithdrawalValidation.Check(request, errors) is not WithdrawalVerdict verdict)
        {
            return CommandResult.Invalid(errors);
        }

        string? ground = verdict == WithdrawalVerdict.Withdraw ? request.Ground : null;
        var command = new WithdrawalCommand(
            WithdrawalModel.DecisionKind,
            request.DecisionId!,
            caseworker,
            clock.GetUtcNow(),
            WithdrawalValidation.Fingerprint(new { request.Verdict, ground, request.Reason }),
            Verdict: request.Verdict,
            Ground: ground,
            Reason: request.Reason);
        return await this.CommandAsync(
            withdrawal, command, new WithdrawalDecided(command.MessageId, command.CommandId, verdict, ground), WithdrawalEvents.Decided, cancellationToken);
    }

    public Task<StoredWithdrawal?> FindAsync(string withdrawalId, CancellationToken cancellationToken) =>
        WithdrawalIds.IsWellFormed(withdrawalId) ? withdrawals.GetAsync(withdrawalId, cancellationToken) : Task.FromResult<StoredWithdrawal?>(null);

    /// <summary>The whole withdrawal, for staff: the finding, every command with who sent it, the history.</summary>
    public async Task<WithdrawalView> StaffViewAsync(StoredWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        StoredFinding finding = withdrawal.Finding;
        WithdrawalCase? state = withdrawal.State;
        WithdrawalCommand? decision = withdrawal.Command(WithdrawalModel.DecisionKind);
        IReadOnlyList<AuditEntry> history = await auditLog.ListAsync(withdrawal.WithdrawalId, cancellationToken);
        return new WithdrawalView(
            withdrawal.WithdrawalId,
            finding.AuthorisationId,
            finding.Category,
            state?.Stage ?? WithdrawalStage.Hearing,
            Ground(finding.Ground),
            Hearing(withdrawal),
            state?.Verdict is WithdrawalVerdict verdict
                ? new WithdrawalDecisionView(verdict, state.DecisionGround is string g ? Ground(g) : null, Day(state.DecidedAt), state.DecisionId, decision?.Reason, decision?.By)
                : null,
            Letters(withdrawal),
            [.. withdrawal.Commands.Select(View)],
            ApplicationQueries.StatusUrl(finding.AuthorisationId),
            finding.Employer,
            new FindingView(finding.FindingId, finding.Evidence, finding.Summary, finding.By, finding.At),
            state?.FederalMessageId is string message ? new FederalWithdrawalView(message, withdrawal.FederalAcknowledgedAt) : null,
            [.. (state?.ExclusionIds ?? []).Select(id => new ExclusionLink(id, ExclusionCommands.Url(id)))],
            [.. history.Select(e => new WithdrawalHistoryItem(e.Event, e.At, e.Actor, e.Details, e.BySubject, e.ByName))]);
    }

    /// <summary>The employer's view: the ground cited, the hearing with its own answer, the decision once taken; nothing internal.</summary>
    public static WithdrawalView EmployerView(StoredWithdrawal withdrawal)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        WithdrawalCase? state = withdrawal.State;
        return new WithdrawalView(
            withdrawal.WithdrawalId,
            withdrawal.Finding.AuthorisationId,
            withdrawal.Finding.Category,
            state?.Stage ?? WithdrawalStage.Hearing,
            Ground(withdrawal.Finding.Ground),
            Hearing(withdrawal),
            state is { IsClosed: true, Verdict: WithdrawalVerdict verdict }
                ? new WithdrawalDecisionView(verdict, state.DecisionGround is string g ? Ground(g) : null, Day(state.DecidedAt))
                : null,
            Letters(withdrawal),
            [.. withdrawal.Commands.Where(c => c.Kind == WithdrawalModel.HearingResponseKind).Select(View)],
            ApplicationQueries.StatusUrl(withdrawal.Finding.AuthorisationId));
    }

    /// <summary>
    /// A letter of the withdrawal (<c>hearing-invitation</c> or <c>withdrawal-decision</c>) once written; null otherwise.
    /// Read from the dossier, not from the withdrawal's record, so it is there as soon as the notice pointing to it.
    /// </summary>
    public async Task<(string Name, LetterFile Letter)?> LetterAsync(StoredWithdrawal withdrawal, string letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        WithdrawalLetterKind? kind = Enum.GetValues<WithdrawalLetterKind>().Cast<WithdrawalLetterKind?>().FirstOrDefault(k => Codes.Of(k!.Value) == letter);
        string? name = kind is null ? null : IssueWithdrawalLetterActivity.LetterName(withdrawal.WithdrawalId, kind.Value);
        return name is not null && await dossiers.GetLetterAsync(withdrawal.Finding.AuthorisationId, name, cancellationToken) is { } stored
            ? (name, stored)
            : null;
    }

    public static string LetterUrl(string withdrawalId, WithdrawalLetterKind letter) => $"{WithdrawalIds.Url(withdrawalId)}/letters/{Codes.Of(letter)}";

    /// <summary>
    /// Marks the register, stores the finding, audits it with who filed it and schedules the workflow; null when done,
    /// else the refusal (the reservation given up when nothing else of the finding was stored).
    /// </summary>
    async Task<CommandResult?> StartAsync(FindingRequest finding, FindingReservation reservation, Actor inspector, CancellationToken cancellationToken)
    {
        string withdrawalId = reservation.WithdrawalId;
        Authorisation? marked = await register.MarkAsync(finding.AuthorisationId!, new RegisterMark(withdrawalId, WithdrawalMark.UnderWay), cancellationToken);
        if (marked is null || marked.WithdrawalId != withdrawalId)
        {
            if (await withdrawals.GetAsync(withdrawalId, cancellationToken) is null)
            {
                await withdrawals.ReleaseFindingAsync(finding.FindingId!, withdrawalId, cancellationToken);
            }

            return this.Refusal(marked, finding.AuthorisationId!, withdrawalId)
                ?? CommandResult.Conflict("The authorisation changed while the finding was filed; read it in the register and file the finding again.");
        }

        DateTimeOffset now = clock.GetUtcNow();
        WithdrawalTerms terms = policy.WithdrawalTermsOn(PolicyCatalog.BelgianDate(now))
            ?? throw new InvalidOperationException("No withdrawal terms are in force in the policy data.");
        await withdrawals.SaveFindingAsync(
            new StoredFinding(
                withdrawalId, finding.FindingId!, finding.AuthorisationId!, marked.Employer, marked.Category, finding.Ground!, finding.Evidence!, finding.Summary, inspector, now,
                WithdrawalValidation.Fingerprint(new { finding.AuthorisationId, finding.Ground, finding.Evidence, finding.Summary })),
            cancellationToken);
        await auditLog.AppendAsync(
            new AuditEntry(
                withdrawalId,
                $"{withdrawalId}:finding-filed",
                now,
                "finding-filed",
                inspector.Role,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["findingId"] = finding.FindingId!, ["authorisation"] = finding.AuthorisationId!, ["ground"] = finding.Ground! },
                inspector.Subject,
                inspector.Name),
            cancellationToken);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(WithdrawalOrchestrator),
                new WithdrawalInput(withdrawalId, finding.AuthorisationId!, marked.Category, finding.Ground!, terms, settings.Value.PolicyDayLength),
                new StartOrchestrationOptions(withdrawalId).WithDedupeStatuses(AllStatuses),
                cancellationToken);
            LogStarted(logger, withdrawalId, finding.AuthorisationId!, finding.Ground!);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A repeat: the workflow runs already.
        }

        return null;
    }

    /// <summary>
    /// A command: a repeat is answered from its record (raised again if a crash cut it off before), another command in a
    /// taken slot or other content under a used id is refused, one the withdrawal does not admit now is refused with the
    /// reason; otherwise it is recorded, audited with who sent it, and raised.
    /// </summary>
    async Task<CommandResult> CommandAsync(StoredWithdrawal withdrawal, WithdrawalCommand command, WithdrawalMessage message, string eventName, CancellationToken cancellationToken)
    {
        if (withdrawal.Command(command.Kind) is { } earlier)
        {
            return await this.RepeatAsync(withdrawal, earlier, command, message, eventName, cancellationToken);
        }

        if (WithdrawalModel.Admits(withdrawal.State, message) is { } refusal)
        {
            return refusal.Unfit ? new CommandResult(CommandStatus.Unprocessable, refusal.Reason) : CommandResult.Conflict(refusal.Reason);
        }

        (WithdrawalCommand recorded, bool isNew) = await withdrawals.RecordCommandAsync(withdrawal.WithdrawalId, command, cancellationToken);
        if (!isNew)
        {
            return await this.RepeatAsync(withdrawal, recorded, command, message, eventName, cancellationToken);
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["commandId"] = command.CommandId };
        if (command.Verdict is string verdict)
        {
            details["verdict"] = verdict;
        }

        if (command.Ground is string ground)
        {
            details["ground"] = ground;
        }

        await auditLog.AppendAsync(
            new AuditEntry(
                withdrawal.WithdrawalId, $"{withdrawal.WithdrawalId}:{command.Kind}-received:{command.CommandId}", command.At, $"{command.Kind}-received", command.By.Role, details,
                command.By.Subject, command.By.Name),
            cancellationToken);
        await this.RaiseAsync(withdrawal.WithdrawalId, command.Kind, eventName, message, cancellationToken);
        return CommandResult.Accepted(Answer(withdrawal.WithdrawalId, command with { Raised = true }, repeated: false));
    }

    async Task<CommandResult> RepeatAsync(
        StoredWithdrawal withdrawal, WithdrawalCommand earlier, WithdrawalCommand command, WithdrawalMessage message, string eventName, CancellationToken cancellationToken)
    {
        if (earlier.CommandId != command.CommandId)
        {
            return CommandResult.Conflict(command.Kind == WithdrawalModel.DecisionKind
                ? $"The withdrawal was decided already (decision {earlier.CommandId}); one decision per withdrawal."
                : $"The employer has answered the hearing already (response {earlier.CommandId}); one answer per withdrawal.");
        }

        if (earlier.Fingerprint != command.Fingerprint)
        {
            return CommandResult.Conflict($"This {command.Kind} id was already used with different content. Use a new id for a new {command.Kind}.");
        }

        if (!earlier.Raised)
        {
            // Recorded by a request that stopped before raising it: raised now; the workflow acts on a message id once.
            await this.RaiseAsync(withdrawal.WithdrawalId, earlier.Kind, eventName, message, cancellationToken);
            earlier = earlier with { Raised = true };
        }

        return new CommandResult(CommandStatus.AlreadyDone, Body: Answer(withdrawal.WithdrawalId, earlier, repeated: true));
    }

    async Task RaiseAsync(string withdrawalId, string kind, string eventName, WithdrawalMessage message, CancellationToken cancellationToken)
    {
        await client.RaiseEventAsync(withdrawalId, eventName, message, cancellationToken);
        await withdrawals.MarkRaisedAsync(withdrawalId, kind, cancellationToken);
    }

    /// <summary>Why a finding on this authorisation is refused (404 unknown, 409 not granted, expired, or under another withdrawal); null when it may start <paramref name="withdrawalId"/>.</summary>
    CommandResult? Refusal(Authorisation? authorisation, string authorisationId, string? withdrawalId)
    {
        if (authorisation is null)
        {
            return new CommandResult(CommandStatus.NotFound, $"No work authorisation in the register was granted by application {authorisationId}.");
        }

        if (authorisation.State == AuthorisationState.Withdrawn)
        {
            return CommandResult.Conflict(
                $"The authorisation granted by application {authorisationId} was withdrawn on {authorisation.WithdrawnOn:yyyy-MM-dd} (withdrawal {authorisation.WithdrawalId}).");
        }

        if (authorisation.State != AuthorisationState.Granted
            || (authorisation.ValidUntil is DateOnly until && until < PolicyCatalog.BelgianDate(clock.GetUtcNow())))
        {
            return CommandResult.Conflict($"The authorisation granted by application {authorisationId} is no longer in force (valid until {authorisation.ValidUntil:yyyy-MM-dd}).");
        }

        if (authorisation.WithdrawalId is string other && other != withdrawalId)
        {
            return CommandResult.Conflict(
                $"A withdrawal of the authorisation granted by application {authorisationId} is under way: {other} ({WithdrawalIds.Url(other)}). One withdrawal at a time.");
        }

        return null;
    }

    static WithdrawalCommandAnswer Answer(string withdrawalId, WithdrawalCommand command, bool repeated) =>
        new(withdrawalId, command.Kind, command.CommandId, command.CurrentFate, command.FateReason, repeated, WithdrawalIds.Url(withdrawalId));

    static WithdrawalCommandView View(WithdrawalCommand command) =>
        new(command.Kind, command.CommandId, command.CurrentFate, command.FateReason, command.By, command.At);

    static HearingView? Hearing(StoredWithdrawal withdrawal)
    {
        if (withdrawal.State is not { } state)
        {
            return null;
        }

        WithdrawalCommand? response = withdrawal.Command(WithdrawalModel.HearingResponseKind);
        return new HearingView(
            state.InvitedAt,
            state.HearingDeadline is DateTimeOffset deadline ? PolicyCatalog.BelgianDate(deadline) : null,
            state.RemindedAt,
            state.HearingEnd,
            state.HearingEndedAt,
            response is null ? null : new HearingResponseView(response.CommandId, response.Statement, response.At));
    }

    static List<LetterLink> Letters(StoredWithdrawal withdrawal)
    {
        var letters = new List<LetterLink>();
        if (withdrawal.State?.InvitationLetter is not null)
        {
            letters.Add(new LetterLink(WithdrawalLetterKind.HearingInvitation, LetterUrl(withdrawal.WithdrawalId, WithdrawalLetterKind.HearingInvitation)));
        }

        if (withdrawal.State?.DecisionLetter is not null)
        {
            letters.Add(new LetterLink(WithdrawalLetterKind.WithdrawalDecision, LetterUrl(withdrawal.WithdrawalId, WithdrawalLetterKind.WithdrawalDecision)));
        }

        return letters;
    }

    static DecisionGround Ground(string code) => DecisionGrounds.Find(code) ?? new DecisionGround(code, "", code, code);

    static DateOnly? Day(DateTimeOffset? policyMoment) => policyMoment is DateTimeOffset at ? PolicyCatalog.BelgianDate(at) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Withdrawal {WithdrawalId} of the authorisation of {AuthorisationId} started on ground {Ground}")]
    static partial void LogStarted(ILogger logger, string withdrawalId, string authorisationId, string ground);
}
