using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Records each request to a third party in table <c>ThirdPartyRequests</c> (PK = application id, RK = request id),
/// once per idempotency key. The real channels (letters to foreign posts, the VDAB, the screening service) are out of
/// scope: this row is what a clerk or a later integration sends, and the answer comes back through the API.
/// </summary>
public sealed partial class TableThirdPartyGateway(TableServiceClient tables, StorageNames names, TimeProvider time, ILogger<TableThirdPartyGateway> logger)
    : IThirdPartyGateway
{
    readonly TableClient table = tables.GetTableClient(names.ThirdPartyRequestsTable);

    public async Task SendAsync(ThirdPartyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = new TableEntity(TableKeys.Safe(request.ApplicationId), TableKeys.Safe(request.RequestId))
        {
            ["IdempotencyKey"] = request.IdempotencyKey,
            ["Kind"] = Codes.Of(request.Kind),
            ["Authority"] = Codes.Of(request.Authority),
            ["DocumentType"] = request.DocumentType,
            ["Deadline"] = request.Deadline,
            ["SentAt"] = time.GetUtcNow(),
        };
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
            LogSent(logger, request.IdempotencyKey, request.Authority);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Sent before: a retried activity sends nothing twice.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Third-party request {IdempotencyKey} recorded for {Authority}")]
    static partial void LogSent(ILogger logger, string idempotencyKey, ThirdPartyAuthority authority);
}
