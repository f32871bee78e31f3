using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Identity;
using Microsoft.Azure.Functions.Worker;
using Workflow.Adapters.ServiceBus;
using Workflow.Adapters.Simulated;
using Workflow.Application;
using Workflow.Application.Exclusions;
using Workflow.Application.Federal;
using Workflow.Application.Http;
using Workflow.Functions.Hosting;
using Workflow.Functions.Http;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests;

/// <summary>
/// host.json, local.settings.sample.json and the app settings infra/ deploys agree with what the app reads: the task
/// hub, the storage backend, no inputs or outputs in traces, OpenTelemetry, plain-text queue messages, and every
/// setting listed where an operator looks for it.
/// </summary>
public sealed partial class ConfigurationTests
{
    static JsonElement HostJson() => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsProject, "host.json"))).RootElement;

    static JsonElement Sample() => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json"))).RootElement;

    static HashSet<string> SampleKeys(string section) =>
        [.. Sample().GetProperty(section).EnumerateObject().Select(p => p.Name)];

    /// <summary>The keys of <c>var appSettings = { ... }</c> in infra/modules/functionapp.bicep.</summary>
    static HashSet<string> BicepAppSettings()
    {
        string bicep = File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "modules", "functionapp.bicep"));
        string block = bicep[bicep.IndexOf("var appSettings = {", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("\n}", StringComparison.Ordinal)];
        return [.. BicepKey().Matches(block).Select(m => m.Groups[1].Value.Trim('\''))];
    }

    [GeneratedRegex(@"^\s+('[^']+'|[A-Za-z_][A-Za-z0-9_]*):", RegexOptions.Multiline)]
    private static partial Regex BicepKey();

    [Fact]
    public void Host_json_pins_the_task_hub_backend_tracing_telemetry_and_queue_encoding()
    {
        JsonElement host = HostJson();
        JsonElement durable = host.GetProperty("extensions").GetProperty("durableTask");

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal("OpenTelemetry", host.GetProperty("telemetryMode").GetString());
        Assert.Equal("%TaskHubName%", durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.Equal(4, durable.GetProperty("storageProvider").GetProperty("partitionCount").GetInt32());
        Assert.False(durable.GetProperty("tracing").GetProperty("traceInputsAndOutputs").GetBoolean());
        Assert.Equal("none", host.GetProperty("extensions").GetProperty("queues").GetProperty("messageEncoding").GetString());
        Assert.Equal(string.Empty, host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString()); // the pages live at the root, the API under api/
    }

    [Fact]
    public void Every_app_setting_expression_is_in_the_sample_and_in_infra()
    {
        var expressions = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Regex.Matches(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsProject, "host.json")), "%([A-Za-z0-9_]+)%"))
        {
            expressions.Add(match.Groups[1].Value);
        }

        foreach (FunctionEntry function in FunctionCatalog.All.Where(f => f.Trigger is TimerTriggerAttribute))
        {
            expressions.Add(((TimerTriggerAttribute)function.Trigger!).Schedule.Trim('%'));
        }

        Assert.Contains("TaskHubName", expressions);
        Assert.Superset(expressions, SampleKeys("Values"));
        Assert.Superset(expressions, BicepAppSettings());
    }

    public static TheoryData<Type, string> SettingsClasses() => new()
    {
        { typeof(WorkflowSettings), WorkflowSettings.Section },
        { typeof(MessagingSettings), MessagingSettings.Section },
        { typeof(ServiceBusSettings), ServiceBusSettings.Section },
        { typeof(FederalWebhookSettings), FederalWebhookSettings.Section },
        { typeof(AuthenticSourcesSettings), AuthenticSourcesSettings.Section },
        { typeof(CallerBudget), $"{RateLimitSettings.Section}__{nameof(RateLimitSettings.Requests)}" },
        { typeof(CallerBudget), $"{RateLimitSettings.Section}__{nameof(RateLimitSettings.Submissions)}" },
        { typeof(ExclusionSettings), ExclusionSettings.Section },
        { typeof(Workflow.Application.Payments.PaymentProviderSettings), Workflow.Application.Payments.PaymentProviderSettings.Section },
        { typeof(Workflow.Adapters.Parties.SimulationSettings), Workflow.Adapters.Parties.SimulationSettings.Section },
    };

    [Theory]
    [MemberData(nameof(SettingsClasses))]
    public void The_sample_lists_every_setting_the_app_binds(Type settings, string section)
    {
        HashSet<string> listed = new(SampleKeys("Values"), StringComparer.OrdinalIgnoreCase);
        foreach (PropertyInfo property in settings.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Assert.Contains($"{section}__{property.Name}", listed);
        }
    }

    [Fact]
    public void Every_setting_infra_deploys_is_in_the_sample_and_the_identity_connections_are_the_azure_forms()
    {
        HashSet<string> sample = [.. SampleKeys("Values"), .. SampleKeys("IdentityBasedConnections")];
        HashSet<string> deployed = BicepAppSettings();

        Assert.Superset(deployed, sample);
        Assert.Contains("AzureWebJobsStorage__accountName", deployed);
        Assert.Contains("AzureWebJobsStorage__credential", deployed);
        Assert.Contains("AzureWebJobsStorage__clientId", deployed);
        Assert.Contains("ServiceBus__fullyQualifiedNamespace", deployed);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", deployed); // Flex Consumption sets the runtime in functionAppConfig
        Assert.DoesNotContain(deployed, key => key.Equals("AzureWebJobsStorage", StringComparison.Ordinal)); // no connection string in Azure
    }

    [Fact]
    public void The_sample_runs_locally_on_Azurite_without_secrets_and_stays_out_of_git()
    {
        JsonElement values = Sample().GetProperty("Values");
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.Equal("StorageQueues", values.GetProperty("Messaging__Transport").GetString());
        Assert.Equal("", values.GetProperty("FederalWebhook__Secret").GetString());
        Assert.Contains("functions/Workflow.Functions/local.settings.json", string.Join(' ', Sample().GetProperty("_readme").EnumerateArray().Select(l => l.GetString())), StringComparison.Ordinal);
        Assert.Contains(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".gitignore")), line => line.Trim() == "local.settings.json");
    }

    [Fact]
    public void Identity_based_storage_is_read_the_way_the_Functions_host_reads_it()
    {
        StorageConnection byAccount = StorageConnection.From(FunctionsApp.Configuration(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = null,
            ["AzureWebJobsStorage:accountName"] = "stpermits",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }));
        Assert.True(byAccount.IsIdentityBased);
        Assert.Equal(new Uri("https://stpermits.blob.core.windows.net"), byAccount.BlobServiceUri);
        Assert.Equal(new Uri("https://stpermits.queue.core.windows.net"), byAccount.QueueServiceUri);
        Assert.Equal(new Uri("https://stpermits.table.core.windows.net"), byAccount.TableServiceUri);
        Assert.IsType<ManagedIdentityCredential>(byAccount.Credential);

        StorageConnection byUris = StorageConnection.From(FunctionsApp.Configuration(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = null,
            ["AzureWebJobsStorage:blobServiceUri"] = "https://b.example",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://q.example",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://t.example",
        }));
        Assert.Equal(new Uri("https://q.example"), byUris.QueueServiceUri);
        Assert.IsType<DefaultAzureCredential>(byUris.Credential);

        Assert.False(StorageConnection.From(FunctionsApp.Configuration()).IsIdentityBased);
        Assert.Throws<InvalidOperationException>(() => StorageConnection.From(FunctionsApp.Configuration(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = null })));
    }

    [Fact]
    public void Application_Insights_uses_the_identity_named_in_the_authentication_string()
    {
        Assert.IsType<ManagedIdentityCredential>(PermitFunctionsApp.AadCredential("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD"));
        Assert.Null(PermitFunctionsApp.AadCredential(null));
        Assert.Null(PermitFunctionsApp.AadCredential("Authorization=Key"));
    }

    [Fact]
    public void The_functions_app_refuses_a_storage_name_prefix_and_Service_Bus_without_a_namespace()
    {
        Assert.Throws<InvalidOperationException>(() => FunctionsApp.Build(FunctionsApp.Configuration(new Dictionary<string, string?> { ["Storage:NamePrefix"] = "t1" })));
        Assert.Throws<InvalidOperationException>(() => new ServiceBusSettings().Validate());
    }
}
