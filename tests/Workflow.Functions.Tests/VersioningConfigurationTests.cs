using System.Text.Json;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Workflows.PermitApplication;

namespace Workflow.Functions.Tests;

/// <summary>Both hosts run and stamp the same workflow version, with the same match and failure strategies (README "Versioning").</summary>
public sealed class VersioningConfigurationTests
{
    [Fact]
    public void Host_json_runs_the_code_version_current_or_older_and_rejects_newer_instances()
    {
        using JsonDocument host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsProject, "host.json")));
        JsonElement durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        Assert.Equal(PermitWorkflowVersions.Current, durable.GetProperty("defaultVersion").GetString());
        Assert.Equal("CurrentOrOlder", durable.GetProperty("versionMatchStrategy").GetString());
        Assert.Equal("Reject", durable.GetProperty("versionFailureStrategy").GetString());
    }

    [Fact]
    public void The_local_host_runs_the_code_version_by_default()
    {
        Assert.Equal(PermitWorkflowVersions.Current, new LocalHost.Engine.EngineSettings().WorkflowVersion);
    }
}
