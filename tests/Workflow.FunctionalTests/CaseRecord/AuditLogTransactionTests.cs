using Azure.Data.Tables;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Contracts;

namespace Workflow.FunctionalTests.CaseRecord;

/// <summary>
/// The steps of one transition go to the audit table in one transaction (Azurite's Table service); a retried activity
/// finds them written, and the first write of each key stands.
/// </summary>
public sealed class AuditLogTransactionTests
{
    [Fact]
    public async Task A_transitions_steps_are_written_together_in_their_order_and_a_retry_adds_only_what_is_new()
    {
        PermitHost host = await SharedHost.GetAsync();
        var tables = new TableServiceClient(host.Storage.ConnectionString);
        var log = new TableAuditLog(tables, new StorageNames(host.Options.Name));
        string applicationId = "wp-audittransaction" + Guid.NewGuid().ToString("N")[..10];
        DateTimeOffset at = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        // The key order is not the step order: the log keeps the transition's order.
        await log.AppendAllAsync([Step(applicationId, "wf-decided-1", at, 1, "first"), Step(applicationId, "wf-awaiting-letter-1", at, 2, "first")], CancellationToken.None);
        Assert.Equal(["wf-decided-1", "wf-awaiting-letter-1"], (await log.ListAsync(applicationId, CancellationToken.None)).Select(e => e.Key));

        // The same transition again (a retried activity), with a step the first attempt had not written: the transaction
        // is refused as a whole, each step is appended alone, and what was written first stands.
        await log.AppendAllAsync(
            [Step(applicationId, "wf-decided-1", at, 1, "retry"), Step(applicationId, "wf-awaiting-letter-1", at, 2, "retry"), Step(applicationId, "wf-letter-1", at, 3, "retry")],
            CancellationToken.None);
        IReadOnlyList<AuditEntry> entries = await log.ListAsync(applicationId, CancellationToken.None);
        Assert.Equal(["wf-decided-1", "wf-awaiting-letter-1", "wf-letter-1"], entries.Select(e => e.Key));
        Assert.Equal(["first", "first", "retry"], entries.Select(e => e.Details["attempt"]));
        Assert.Equal([1, 2, 3], entries.Select(e => e.Order));
    }

    static AuditEntry Step(string applicationId, string key, DateTimeOffset at, int order, string attempt) =>
        new(applicationId, key, at, key[3..key.LastIndexOf('-')], Actors.System, new Dictionary<string, string>(StringComparer.Ordinal) { ["attempt"] = attempt }, Order: order);
}
