using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Adapters.ServiceBus;
using Workflow.Application.Http;

namespace Workflow.Functions.Operations;

/// <summary>
/// The runbook's commands (docs/azure.md), behind the host's master key (<see cref="AuthorizationLevel.Admin"/>):
/// list and replay dead-lettered federal callbacks, and purge the orchestration history of finished applications.
/// Routes are under <c>api/operations</c> (the host reserves <c>admin</c>).
/// </summary>
public static class OperationsFunctions
{
    /// <summary><c>GET api/operations/federal-decisions/dead-letters?reason=&amp;max=</c>: what is in the dead-letter queue (nothing moves).</summary>
    [Function("ListDeadLetteredFederalMessages")]
    public static Task<IResult> ListDeadLetteredFederalMessages(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "api/operations/federal-decisions/dead-letters")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        ReplayAsync(request, context, dryRun: true, cancellationToken);

    /// <summary>
    /// <c>POST api/operations/federal-decisions/dead-letters/replay?reason=unknown-application&amp;max=100</c>: moves
    /// dead-lettered callbacks back to <c>federal-decisions</c> (see <see cref="DeadLetterReplay"/>). Replay a reason
    /// only once its cause is fixed: a malformed message dead-letters again.
    /// </summary>
    [Function("ReplayDeadLetteredFederalMessages")]
    public static Task<IResult> ReplayDeadLetteredFederalMessages(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "api/operations/federal-decisions/dead-letters/replay")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        ReplayAsync(request, context, dryRun: false, cancellationToken);

    /// <summary>
    /// <c>POST api/operations/history/purge?createdBefore=2025-01-01T00:00:00Z</c>: deletes the orchestration history
    /// (task hub) of completed, failed and terminated instances created before that time. Running applications are
    /// never touched; the audit log, case index and dossiers are kept
    /// (docs/design.md#case-index-worklist-and-audit-log: history is purged for privacy, records are kept longer).
    /// </summary>
    [Function("PurgeHistory")]
    public static async Task<IResult> PurgeHistory(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "api/operations/history/purge")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (!DateTimeOffset.TryParse(request.Query["createdBefore"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset before))
        {
            return Problems.BadRequest("Give createdBefore as an ISO 8601 time, e.g. ?createdBefore=2025-01-01T00:00:00Z.");
        }

        PurgeResult result = await client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(
                CreatedFrom: DateTimeOffset.UnixEpoch,
                CreatedTo: before,
                Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated]),
            cancellationToken);
        return TypedResults.Ok(new { createdBefore = before, purgedInstances = result.PurgedInstanceCount });
    }

    static async Task<IResult> ReplayAsync(HttpRequest request, FunctionContext context, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (PermitFunctionsApp.Transport(context.InstanceServices) != MessagingTransport.ServiceBus)
        {
            return Problems.Conflict("Messaging:Transport is not ServiceBus: dead-lettered callbacks are in the federal-decisions-poison storage queue (see docs/azure.md).");
        }

        string? reason = request.Query["reason"].FirstOrDefault();
        int max = 100;
        if (request.Query["max"].FirstOrDefault() is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > ReplayRequest.Limit))
        {
            return Problems.BadRequest($"max must be a whole number from 1 to {ReplayRequest.Limit}.");
        }

        DeadLetterReplay replay = context.InstanceServices.GetRequiredService<DeadLetterReplay>();
        return TypedResults.Ok(await replay.RunAsync(new ReplayRequest(string.IsNullOrWhiteSpace(reason) ? null : reason, max, dryRun), cancellationToken));
    }
}
