using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>Storage requests named by the proxy's port (the service) and the path-style URL (the resource and operation).</summary>
public sealed class StorageRequestClassifierTests
{
    [Theory]
    [InlineData("GET", "/devstoreaccount1/hub-control-00/messages", "numofmessages=32&visibilitytimeout=300", "hub-control-00", "dequeue", true)]
    [InlineData("GET", "/devstoreaccount1/hub-workitems/messages", "peekonly=true", "hub-workitems", "peek", false)]
    [InlineData("POST", "/devstoreaccount1/federal-handoff/messages", null, "federal-handoff", "put", true)]
    [InlineData("PUT", "/devstoreaccount1/hub-control-01/messages/3f1c", "popreceipt=x&visibilitytimeout=0", "hub-control-01", "update", true)]
    [InlineData("DELETE", "/devstoreaccount1/hub-control-01/messages/3f1c", "popreceipt=x", "hub-control-01", "delete", true)]
    [InlineData("DELETE", "/devstoreaccount1/sla-alerts/messages", null, "sla-alerts", "clear", true)]
    [InlineData("PUT", "/devstoreaccount1/sla-alerts", null, "sla-alerts", "PUT", true)]
    [InlineData("GET", "/devstoreaccount1/sla-alerts", "comp=metadata", "sla-alerts", "GET", false)]
    [InlineData("GET", "/devstoreaccount1", "comp=list", StorageRequestClassifier.Account, "GET", false)]
    public void Queue_requests(string method, string path, string? query, string resource, string operation, bool write) =>
        Assert.Equal(new StorageRequest(StorageService.Queue, resource, operation, write), StorageRequestClassifier.Classify(StorageService.Queue, method, path, query));

    [Theory]
    [InlineData("GET", "/devstoreaccount1/hubInstances(PartitionKey='wp-1',RowKey='')", "hubInstances", "query", false)]
    [InlineData("GET", "/devstoreaccount1/hubHistory()", "hubHistory", "query", false)]
    [InlineData("POST", "/devstoreaccount1/Commands", "Commands", "insert", true)]
    [InlineData("PUT", "/devstoreaccount1/CaseIndex(PartitionKey='a',RowKey='b')", "CaseIndex", "upsert", true)]
    [InlineData("MERGE", "/devstoreaccount1/CaseIndex(PartitionKey='a',RowKey='b')", "CaseIndex", "merge", true)]
    [InlineData("PATCH", "/devstoreaccount1/CaseIndex(PartitionKey='a',RowKey='b')", "CaseIndex", "merge", true)]
    [InlineData("DELETE", "/devstoreaccount1/CaseIndex(PartitionKey='a',RowKey='b')", "CaseIndex", "delete", true)]
    [InlineData("POST", "/devstoreaccount1/$batch", "$batch", "batch", true)]
    [InlineData("POST", "/devstoreaccount1/Tables", "Tables", "insert", true)]
    public void Table_requests(string method, string path, string resource, string operation, bool write) =>
        Assert.Equal(new StorageRequest(StorageService.Table, resource, operation, write), StorageRequestClassifier.Classify(StorageService.Table, method, path));

    [Theory]
    [InlineData("GET", "/devstoreaccount1/dossiers/wp-1/application.json", "dossiers", false)]
    [InlineData("HEAD", "/devstoreaccount1/hub-leases/default/hub-control-00", "hub-leases", false)]
    [InlineData("PUT", "/devstoreaccount1/hub-leases/default/hub-control-00", "hub-leases", true)]
    [InlineData("DELETE", "/devstoreaccount1/dossiers/wp-1/staged", "dossiers", false)]
    public void Blob_requests_by_container(string method, string path, string container, bool write) =>
        Assert.Equal(new StorageRequest(StorageService.Blob, container, method, write), StorageRequestClassifier.Classify(StorageService.Blob, method, path));

    [Fact]
    public void A_resource_name_is_unescaped() =>
        Assert.Equal("my queue", StorageRequestClassifier.Classify(StorageService.Queue, "GET", "/devstoreaccount1/my%20queue/messages").Resource);

    [Fact]
    public void The_service_is_told_by_the_port_the_request_came_in_on()
    {
        StorageEndpoints proxied = StorageEndpoints.Parse("UseDevelopmentStorage=true").OnLoopbackPorts(41000, 41001, 41002);

        Assert.Equal(
            [StorageService.Blob, StorageService.Queue, StorageService.Table, null],
            new[] { 41000, 41001, 41002, 10000 }.Select(proxied.ServiceOn));
    }
}
