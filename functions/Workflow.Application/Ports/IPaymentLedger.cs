namespace Workflow.Application.Ports;

/// <summary>Where a payment stands at the payment service provider.</summary>
public enum PaymentStatus
{
    /// <summary>Started: the applicant was sent to the provider's checkout.</summary>
    Started,
    Succeeded,
    Failed,

    /// <summary>Reversed by the provider after it succeeded (a chargeback): the fee is due again.</summary>
    Reversed,
}

/// <summary>A fee payment as recorded: ours (the id the applicant chose) and the provider's, the amount asked, the status.</summary>
public sealed record PaymentRecord(
    string ApplicationId,
    string PaymentId,
    string ProviderPaymentId,
    long AmountCents,
    string Currency,
    string Reference,
    PaymentStatus Status,
    DateTimeOffset StartedAt,
    Uri? CheckoutUrl,
    DateTimeOffset? UpdatedAt = null);

/// <summary>Fee payments per application (table <c>Payments</c>: PK = application id, RK = payment id).</summary>
public interface IPaymentLedger
{
    /// <summary>Records a started payment unless one with its id exists; returns the stored one either way.</summary>
    Task<PaymentRecord> RecordStartAsync(PaymentRecord payment, CancellationToken cancellationToken);

    Task<PaymentRecord?> GetAsync(string applicationId, string paymentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PaymentRecord>> ListAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Sets the provider's latest status (idempotent).</summary>
    Task UpdateStatusAsync(string applicationId, string paymentId, PaymentStatus status, DateTimeOffset at, CancellationToken cancellationToken);
}
