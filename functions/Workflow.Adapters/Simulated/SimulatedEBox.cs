using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Workflow.Adapters.Storage;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Simulated;

/// <summary>
/// Plays the e-Box on development and demo hosts: every delivery is recorded once per idempotency key in table
/// <c>SimulatedEBox</c> (PK = application id, RK = the key made table-safe) with the recipient's KBO number, the
/// subject, the letter's name, content type, size and SHA-256, and when it arrived. The letter itself stays in the
/// dossier (its hash says which one was delivered), so no personal data leaves it.
/// </summary>
public sealed partial class SimulatedEBox(TableServiceClient tables, StorageNames names, TimeProvider time, ILogger<SimulatedEBox> logger) : IEBox
{
    readonly TableClient table = tables.GetTableClient(names.SimulatedEBoxTable);

    public async Task DeliverAsync(EBoxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var row = new TableEntity(TableKeys.Safe(delivery.ApplicationId), TableKeys.Safe(delivery.IdempotencyKey))
        {
            ["IdempotencyKey"] = delivery.IdempotencyKey,
            ["EnterpriseNumber"] = delivery.EnterpriseNumber,
            ["Subject"] = delivery.Subject,
            ["LetterName"] = delivery.LetterName,
            ["ContentType"] = delivery.Letter.ContentType,
            ["Size"] = (long)delivery.Letter.Content.Length,
            ["Sha256"] = Convert.ToHexStringLower(SHA256.HashData(delivery.Letter.Content.Span)),
            ["DeliveredAt"] = time.GetUtcNow(),
        };
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return; // Delivered before: a retry delivers nothing twice.
        }

        LogDelivered(logger, delivery.IdempotencyKey, delivery.LetterName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "e-Box delivery {Key} of {LetterName} recorded (simulated e-Box)")]
    static partial void LogDelivered(ILogger logger, string key, string letterName);
}
