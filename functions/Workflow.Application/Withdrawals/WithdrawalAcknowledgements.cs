using Workflow.Application.Federal;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// The federal office's answer to a withdrawal message (<see cref="FederalOutboundKind.Withdrawal"/>; its handoff id is
/// the withdrawal's id): an acknowledgement, recorded on the withdrawal once with an audit row. The withdrawal's
/// workflow does not wait for it (it may have ended), and the granted application's closed workflow never sees it.
/// </summary>
public sealed class WithdrawalAcknowledgements(IWithdrawals withdrawals, IAuditLog auditLog, TimeProvider clock)
{
    public static bool IsFor(FederalInboundMessage message) => WithdrawalIds.IsWellFormed(message?.HandoffId);

    public async Task<FederalHandlingResult> HandleAsync(FederalInboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != FederalInboundKind.Acknowledgement)
        {
            return new FederalHandlingResult(
                FederalHandling.Malformed, $"a withdrawal message is only acknowledged; a {Codes.Of(message.Kind)} for withdrawal {message.HandoffId} is not expected");
        }

        StoredWithdrawal? withdrawal = await withdrawals.GetAsync(message.HandoffId, cancellationToken);
        if (withdrawal is null)
        {
            return new FederalHandlingResult(FederalHandling.UnknownApplication, $"No withdrawal {message.HandoffId} is known.", message.ApplicationId, message.MessageId);
        }

        if (withdrawal.Finding.AuthorisationId != message.ApplicationId)
        {
            return new FederalHandlingResult(FederalHandling.Malformed, $"withdrawal {message.HandoffId} concerns another application", message.ApplicationId, message.MessageId);
        }

        DateTimeOffset now = clock.GetUtcNow();
        if (!await withdrawals.RecordFederalAcknowledgementAsync(withdrawal.WithdrawalId, message.MessageId, now, cancellationToken))
        {
            return new FederalHandlingResult(FederalHandling.Duplicate, "this message was received before", message.ApplicationId, message.MessageId);
        }

        await auditLog.AppendAsync(
            new AuditEntry(
                withdrawal.WithdrawalId,
                $"{withdrawal.WithdrawalId}:federal-withdrawal-acknowledged",
                now,
                "federal-withdrawal-acknowledged",
                Actors.FederalOffice,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["messageId"] = message.MessageId }),
            cancellationToken);
        return new FederalHandlingResult(FederalHandling.Delivered, "recorded on the withdrawal", message.ApplicationId, message.MessageId);
    }
}
