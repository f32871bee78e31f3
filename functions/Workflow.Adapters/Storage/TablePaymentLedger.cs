using Azure;
using Azure.Data.Tables;
using Workflow.Application.Ports;

namespace Workflow.Adapters.Storage;

/// <summary>Fee payments in table <c>Payments</c> (PK = application id, RK = "fee"): the first payment recorded is the one kept.</summary>
public sealed class TablePaymentLedger(TableServiceClient tables, StorageNames names) : IPaymentLedger
{
    const string RowKey = "fee";

    readonly TableClient table = tables.GetTableClient(names.PaymentsTable);

    public async Task<PaymentRecord> RecordAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var entity = new TableEntity(TableKeys.Safe(payment.ApplicationId), RowKey)
        {
            ["PaymentId"] = payment.PaymentId,
            ["AmountCents"] = payment.AmountCents,
            ["Currency"] = payment.Currency,
            ["ReceivedAt"] = payment.ReceivedAt,
        };
        try
        {
            await this.table.AddEntityAsync(entity, cancellationToken);
            return payment;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            TableEntity stored = (await this.table.GetEntityAsync<TableEntity>(entity.PartitionKey, RowKey, cancellationToken: cancellationToken)).Value;
            return new PaymentRecord(
                payment.ApplicationId,
                stored.GetString("PaymentId"),
                stored.GetInt64("AmountCents") ?? 0,
                stored.GetString("Currency"),
                stored.GetDateTimeOffset("ReceivedAt") ?? default);
        }
    }
}
