using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Adapters.Storage;
using Workflow.Application.Http;
using Workflow.Application.Payments;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Simulated;

/// <summary>
/// Plays the payment service provider on the local host: <see cref="StartAsync"/> opens a checkout (a row in table
/// <c>SimulatedPsp</c>, one per idempotency key); its checkout page (<c>GET</c> of the checkout URL,
/// <see cref="SimulatedCheckoutPage"/>) posts, as the payer (or a test, or the README walk-through) may directly, to: <c>POST /simulated-psp/checkout/{providerPaymentId}/pay</c> or <c>/fail</c>, and later
/// <c>POST /simulated-psp/payments/{providerPaymentId}/reverse</c> for a chargeback. Each then calls the platform back
/// over HTTP exactly as a real provider would: <c>POST /api/payments/provider-events</c>, signed with the shared secret
/// (<c>PaymentProvider:WebhookSecret</c>), with an event id fixed per payment and outcome (a second click sends the same
/// event again; the platform answers it as a repeat).
/// </summary>
public sealed class SimulatedPaymentProvider(TableServiceClient tables, StorageNames names, IOptions<PaymentProviderSettings> settings, TimeProvider time) : IPaymentProvider
{
    public const string CheckoutPath = "/simulated-psp/checkout";
    public const string PaymentsPath = "/simulated-psp/payments";

    readonly TableClient table = tables.GetTableClient(names.SimulatedPaymentProviderTable);

    public string Name => "simulated-psp";

    public async Task<PaymentCheckout> StartAsync(PaymentStart payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        string providerPaymentId = "psp_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payment.IdempotencyKey)))[..20];
        var row = new TableEntity("psp", providerPaymentId)
        {
            ["ApplicationId"] = payment.ApplicationId,
            ["PaymentId"] = payment.PaymentId,
            ["AmountCents"] = payment.AmountCents,
            ["Currency"] = payment.Currency,
            ["Reference"] = payment.Reference,
            ["CreatedAt"] = time.GetUtcNow(),
        };
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // The same start again (same idempotency key): the same checkout.
        }

        // Relative: the checkout is on the host that serves the API (the local host maps it).
        return new PaymentCheckout(providerPaymentId, new Uri($"{CheckoutPath}/{providerPaymentId}", UriKind.Relative));
    }

    /// <summary>The checkout and chargeback endpoints of the simulated provider (local host only; anonymous like a provider's page).</summary>
    public static IEndpointRouteBuilder MapSimulatedPaymentProvider(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder psp = endpoints.MapGroup("/simulated-psp").ExcludeFromDescription().AllowAnonymous();
        psp.MapGet("/checkout/{providerPaymentId}", async (string providerPaymentId, HttpContext http, SimulatedPaymentProvider provider, CancellationToken ct) =>
            SimulatedCheckoutPage.Page(http, providerPaymentId, await provider.FindAsync(providerPaymentId, ct)));
        psp.MapGet("/checkout.js", SimulatedCheckoutPage.ScriptFile);
        psp.MapPost("/checkout/{providerPaymentId}/pay", (string providerPaymentId, HttpContext http, SimulatedPaymentProvider provider, CancellationToken ct) =>
            provider.CallBackAsync(http, providerPaymentId, PaymentEventType.Succeeded, ct));
        psp.MapPost("/checkout/{providerPaymentId}/fail", (string providerPaymentId, HttpContext http, SimulatedPaymentProvider provider, CancellationToken ct) =>
            provider.CallBackAsync(http, providerPaymentId, PaymentEventType.Failed, ct));
        psp.MapPost("/payments/{providerPaymentId}/reverse", (string providerPaymentId, HttpContext http, SimulatedPaymentProvider provider, CancellationToken ct) =>
            provider.CallBackAsync(http, providerPaymentId, PaymentEventType.Reversed, ct));
        return endpoints;
    }

    /// <summary>Sends the signed callback to the platform that served this request, and relays its answer.</summary>
    async Task<IResult> CallBackAsync(HttpContext http, string providerPaymentId, PaymentEventType type, CancellationToken cancellationToken)
    {
        if (await this.FindAsync(providerPaymentId, cancellationToken) is not TableEntity row)
        {
            return Problems.NotFound("No such checkout.");
        }

        var paymentEvent = new PaymentEvent(
            $"evt_{providerPaymentId}_{Codes.Of(type)}",
            type,
            row.GetString("ApplicationId"),
            row.GetString("PaymentId"),
            providerPaymentId,
            (row.GetInt64("AmountCents") ?? 0) / 100m,
            row.GetString("Currency"));
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(paymentEvent, WorkflowJson.Options);
        string secret = settings.Value.WebhookSecret ?? throw new InvalidOperationException("PaymentProvider:WebhookSecret is not set.");
        (string timestamp, string signature) = WebhookSignature.Sign(body, secret, time.GetUtcNow());

        using var client = new HttpClient { BaseAddress = new Uri($"{http.Request.Scheme}://{http.Request.Host}") };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.Add(PaymentCallbacks.TimestampHeader, timestamp);
        content.Headers.Add(PaymentCallbacks.SignatureHeader, signature);
        using HttpResponseMessage answer = await client.PostAsync(new Uri("/api/payments/provider-events", UriKind.Relative), content, cancellationToken);
        string text = await answer.Content.ReadAsStringAsync(cancellationToken);
        return Results.Content(text, answer.Content.Headers.ContentType?.ToString() ?? "application/json", Encoding.UTF8, (int)answer.StatusCode);
    }

    /// <summary>The checkout of that id, or null (also for an id that cannot be one).</summary>
    internal async Task<TableEntity?> FindAsync(string providerPaymentId, CancellationToken cancellationToken)
    {
        if (providerPaymentId.Length > 64 || !providerPaymentId.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        NullableResponse<TableEntity> found = await this.table.GetEntityIfExistsAsync<TableEntity>("psp", providerPaymentId, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Registers the simulated provider as the payment provider port.</summary>
    public static IServiceCollection AddSimulatedPaymentProvider(IServiceCollection services)
    {
        services.AddSingleton<SimulatedPaymentProvider>();
        services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<SimulatedPaymentProvider>());
        return services;
    }

    internal static string Amount(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
