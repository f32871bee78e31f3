using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Functions.Tests;

/// <summary>
/// docs/design.md, known difference (b) between the hosts: both hosts turn orchestration inputs, outputs and events
/// into the same JSON, or an instance started by one host breaks in the other. The converters compared are the ones
/// each host really configures: the local host's worker and client options (from its composition), and, in the
/// Functions app, the Durable extension's converter built from <c>WorkerOptions.Serializer</c> (from the app's
/// composition plus the extensions' startup code), and the worker serializer itself, which writes activity outputs.
/// </summary>
public sealed class SerializerTests
{
    static readonly DateTimeOffset SubmittedAt = new(2026, 2, 2, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Contracts() => [.. Samples().Keys];

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task Both_hosts_serialize_identically(string contract)
    {
        object value = Samples()[contract];
        (DataConverter localWorker, DataConverter localClient) = await LocalHostServices.ReadAsync(app =>
            (LocalHostServices.WorkerOptions(app).DataConverter, LocalHostServices.ClientOptions(app).DataConverter));
        await using FunctionsApp functions = FunctionsApp.Create();
        DataConverter functionsWorker = functions.Services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter;
        DataConverter functionsClient = functions.Services.GetRequiredService<IOptions<DurableTaskClientOptions>>().Value.DataConverter;
        ObjectSerializer workerSerializer = functions.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;

        string expected = localWorker.Serialize(value)!;
        Assert.Equal(expected, localClient.Serialize(value));
        Assert.Equal(expected, functionsWorker.Serialize(value));
        Assert.Equal(expected, functionsClient.Serialize(value));
        Assert.Equal(expected, workerSerializer.Serialize(value, value.GetType(), default).ToString());

        // What one host writes, the other reads back to the same value.
        Assert.Equal(expected, localWorker.Serialize(functionsWorker.Deserialize(expected, value.GetType())));
        Assert.Equal(expected, functionsWorker.Serialize(localWorker.Deserialize(expected, value.GetType())));
    }

    [Fact]
    public async Task The_functions_app_uses_the_pinned_options_not_the_defaults()
    {
        await using FunctionsApp functions = FunctionsApp.Create();
        DataConverter converter = functions.Services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter;

        string json = converter.Serialize(new PermitApplicationResult(Outcome.Granted, [], SubmittedAt, "letters/x"))!;

        // Kebab-case enum names and camelCase members: the pinned WorkflowJson options, not the SDK's defaults.
        Assert.Contains("\"outcome\":\"granted\"", json, StringComparison.Ordinal);
        Assert.Same(PermitFunctionsApp.Serializer, functions.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer);
    }

    [Fact]
    public void Every_event_of_PermitEvents_is_covered()
    {
        string[] names = [.. typeof(PermitEvents).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(name, Samples().Keys));
    }

    /// <summary>An input, a result, and one of every event record (every concrete <see cref="PermitMessage"/>).</summary>
    static Dictionary<string, object> Samples()
    {
        var samples = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [nameof(PermitApplicationInput)] = new PermitApplicationInput(
                ApplicationIds.Derive("0412345614", "SUB-1"),
                PermitCategory.HighlySkilled,
                SubmittedAt,
                TimeSpan.FromDays(1),
                PolicyCatalog.Embedded.Resolve(PermitCategory.HighlySkilled, SubmittedAt, inPeakPeriod: false)),
            [nameof(PermitApplicationInput) + "-standard-peak"] = new PermitApplicationInput(
                ApplicationIds.Derive("0412345614", "SUB-2"),
                PermitCategory.Other,
                SubmittedAt,
                TimeSpan.FromSeconds(1),
                PolicyCatalog.Embedded.Resolve(PermitCategory.Other, SubmittedAt, inPeakPeriod: true)),
            [nameof(PermitApplicationResult)] = SampleValues.Create(typeof(PermitApplicationResult)),
        };
        foreach (Type type in typeof(PermitMessage).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PermitMessage)) && !t.IsAbstract))
        {
            samples[type.Name] = SampleValues.Create(type);
        }

        return samples;
    }
}
