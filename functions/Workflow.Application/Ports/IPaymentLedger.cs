namespace Workflow.Application.Ports;

/// <summary>A fee payment as recorded.</summary>
public sealed record PaymentRecord(string ApplicationId, string PaymentId, long AmountCents, string Currency, DateTimeOffset ReceivedAt);

/// <summary>Fee payments, one per application (the fee is paid once).</summary>
public interface IPaymentLedger
{
    /// <summary>Records the payment unless the application already has one; returns the stored payment either way.</summary>
    Task<PaymentRecord> RecordAsync(PaymentRecord payment, CancellationToken cancellationToken);
}
