using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>The storage account the bench measures, read from a connection string and moved onto the proxy's ports.</summary>
public sealed class StorageEndpointsTests
{
    [Fact]
    public void Development_storage_is_Azurite_on_its_default_ports()
    {
        StorageEndpoints endpoints = StorageEndpoints.Parse("UseDevelopmentStorage=true");

        Assert.Equal(
            ("devstoreaccount1", "http://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10001/devstoreaccount1", "http://127.0.0.1:10002/devstoreaccount1"),
            (endpoints.AccountName, endpoints.Blob.AbsoluteUri, endpoints.Queue.AbsoluteUri, endpoints.Table.AbsoluteUri));
    }

    [Fact]
    public void Explicit_endpoints_move_to_the_proxy_ports_keeping_account_key_and_path()
    {
        StorageEndpoints endpoints = StorageEndpoints.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:43001/devstoreaccount1;QueueEndpoint=http://127.0.0.1:43002/devstoreaccount1;TableEndpoint=http://127.0.0.1:43003/devstoreaccount1;");

        string proxied = endpoints.OnLoopbackPorts(50001, 50002, 50003).ConnectionString();

        Assert.Equal(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:50001/devstoreaccount1;QueueEndpoint=http://127.0.0.1:50002/devstoreaccount1;TableEndpoint=http://127.0.0.1:50003/devstoreaccount1;",
            proxied);
        Assert.Equal(endpoints.OnLoopbackPorts(50001, 50002, 50003), StorageEndpoints.Parse(proxied));
    }

    [Theory]
    [InlineData("AccountName=x;AccountKey=a2V5")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=a2V5;EndpointSuffix=core.windows.net")]
    [InlineData("")]
    public void A_connection_string_without_the_three_endpoints_is_refused(string connectionString) =>
        Assert.Throws<FormatException>(() => StorageEndpoints.Parse(connectionString));
}
