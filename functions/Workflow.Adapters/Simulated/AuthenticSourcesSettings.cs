namespace Workflow.Adapters.Simulated;

/// <summary>Settings of the simulated authentic sources (section "AuthenticSources"): the seed that makes them reproducible.</summary>
public sealed class AuthenticSourcesSettings
{
    public const string Section = "AuthenticSources";

    public int Seed { get; set; } = 7;
}
