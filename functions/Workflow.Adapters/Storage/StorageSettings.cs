namespace Workflow.Adapters;

/// <summary>
/// Where the platform keeps its dossiers, tables and queues (section "Storage"): one storage account, Azurite locally.
/// The name prefix lets tests run side by side on one account with their own per-run resources.
/// </summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Letters and digits, starting with a letter; empty in production.</summary>
    public string NamePrefix { get; set; } = "";
}
