namespace Workflow.LocalHost.Bench;

/// <summary>The three Azure Storage services the host uses, each on its own endpoint (port, on Azurite).</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}
