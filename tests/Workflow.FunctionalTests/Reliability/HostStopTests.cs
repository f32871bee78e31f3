using Azure.Data.Tables;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Reliability;

/// <summary>
/// A host that stops lets go of its partitions before it is gone: the engine is stopped (its leases released, its
/// queues no longer read) before its objects are disposed. Otherwise a stopped host living on in the same process
/// (a test run, the bench's hosts) keeps renewing its leases and reading its control queues with a disposed session
/// manager, and the next host on the task hub never gets those partitions: their applications stand still.
/// </summary>
public sealed class HostStopTests
{
    [Fact]
    public async Task A_stopped_host_has_released_every_partition_it_held_and_the_next_host_finishes_its_work()
    {
        var options = new PermitHostOptions();
        string applicationId;
        StorageProbe storage;
        await using (PermitHost first = await PermitHost.StartAsync(options))
        {
            storage = first.Storage;
            applicationId = await first.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
            await first.Api.WaitForStageAsync(applicationId, "awaiting-decision");
            Assert.Contains(await OwnersAsync(storage), owner => owner.Length > 0);
        }

        Assert.All(await OwnersAsync(storage), owner => Assert.Equal(string.Empty, owner));

        await using PermitHost next = await PermitHost.StartAsync(options);
        await next.Api.DecideAsync(applicationId, "approve");
        Assert.Equal("granted", (await Scenario.CompletedAsync(next, applicationId))["outcome"]!.GetValue<string>());
    }

    static async Task<List<string>> OwnersAsync(StorageProbe storage)
    {
        var owners = new List<string>();
        await foreach (TableEntity lease in storage.Table("Partitions").QueryAsync<TableEntity>())
        {
            owners.Add(lease.GetString("CurrentOwner") ?? string.Empty);
        }

        return owners;
    }
}
