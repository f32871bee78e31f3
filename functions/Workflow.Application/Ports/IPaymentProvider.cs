namespace Workflow.Application.Ports;

/// <summary>
/// A payment to start: the fee due (from the policy data, never the applicant's figure), the structured reference the
/// bank statement shows, and the idempotency key (application + payment id) so a retried start creates one checkout.
/// </summary>
public sealed record PaymentStart(string ApplicationId, string PaymentId, string Reference, long AmountCents, string Currency, string IdempotencyKey);

/// <summary>Where the applicant pays: the provider's id of the payment and its checkout page.</summary>
public sealed record PaymentCheckout(string ProviderPaymentId, Uri CheckoutUrl);

/// <summary>
/// The payment service provider (a port: simulated locally). The applicant's call only starts a payment; the provider
/// confirms, fails or reverses it later through its signed callback (<c>POST /api/payments/provider-events</c>).
/// </summary>
public interface IPaymentProvider
{
    /// <summary>A short name for the audit log ("simulated-psp").</summary>
    string Name { get; }

    Task<PaymentCheckout> StartAsync(PaymentStart payment, CancellationToken cancellationToken);
}
