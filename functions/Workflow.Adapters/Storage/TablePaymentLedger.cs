using Azure;
using Azure.Data.Tables;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Domain;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Fee payments in table <c>Payments</c> (PK = application id, RK = the applicant's payment id): one row per payment
/// started, inserted once, its provider status moved on by the provider's callbacks.
/// </summary>
public sealed class TablePaymentLedger(TableServiceClient tables, StorageNames names) : IPaymentLedger
{
    readonly TableClient table = tables.GetTableClient(names.PaymentsTable);

    public async Task<PaymentRecord> RecordStartAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var entity = new TableEntity(TableKeys.Safe(payment.ApplicationId), TableKeys.Safe(payment.PaymentId))
        {
            ["PaymentId"] = payment.PaymentId,
            ["ProviderPaymentId"] = payment.ProviderPaymentId,
            ["AmountCents"] = payment.AmountCents,
            ["Currency"] = payment.Currency,
            ["Reference"] = payment.Reference,
            ["Status"] = Codes.Of(payment.Status),
            ["StartedAt"] = payment.StartedAt,
            ["CheckoutUrl"] = payment.CheckoutUrl?.ToString(),
        };
        try
        {
            await this.table.AddEntityAsync(entity, cancellationToken);
            return payment;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return await this.GetAsync(payment.ApplicationId, payment.PaymentId, cancellationToken)
                ?? throw new InvalidOperationException($"Payment {payment.PaymentId} conflicted but cannot be read.");
        }
    }

    public async Task<PaymentRecord?> GetAsync(string applicationId, string paymentId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(applicationId), TableKeys.Safe(paymentId), cancellationToken: cancellationToken);
        return row.HasValue ? Read(applicationId, row.Value!) : null;
    }

    public async Task<IReadOnlyList<PaymentRecord>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var payments = new List<PaymentRecord>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(applicationId)}");
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            payments.Add(Read(applicationId, row));
        }

        return [.. payments.OrderBy(p => p.StartedAt)];
    }

    public async Task UpdateStatusAsync(string applicationId, string paymentId, PaymentStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var update = new TableEntity(TableKeys.Safe(applicationId), TableKeys.Safe(paymentId)) { ["Status"] = Codes.Of(status), ["UpdatedAt"] = at };
        await this.table.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    static PaymentRecord Read(string applicationId, TableEntity row) => new(
        applicationId,
        row.GetString("PaymentId"),
        row.GetString("ProviderPaymentId"),
        row.GetInt64("AmountCents") ?? 0,
        row.GetString("Currency"),
        row.GetString("Reference"),
        EnumCodes.Parse<PaymentStatus>(row.GetString("Status")),
        row.GetDateTimeOffset("StartedAt") ?? default,
        row.GetString("CheckoutUrl") is string url ? new Uri(url) : null,
        row.GetDateTimeOffset("UpdatedAt"));
}
