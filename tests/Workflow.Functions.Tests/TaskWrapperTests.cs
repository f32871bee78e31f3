using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Functions.Tasks;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Functions.Tests;

/// <summary>
/// Both hosts run the same tasks: every orchestrator and activity the local host registers has exactly one
/// hand-written wrapper in the Functions app with the same name, the right trigger and the task's input and output
/// types, and no orchestration or activity wrapper lacks a task. The Functions SDK's generated function metadata (what
/// the Functions host indexes) says the same.
/// </summary>
public sealed class TaskWrapperTests
{
    static readonly HashSet<string> TaskNames = [.. PermitTasks.Orchestrators.Concat(PermitTasks.Activities).Select(t => t.Name)];

    [Fact]
    public async Task The_local_host_registers_exactly_the_tasks_of_PermitTasks()
    {
        (string[] orchestrators, string[] activities) = await LocalHostServices.ReadAsync(app =>
        {
            DurableTaskRegistry registry = LocalHostServices.Registry(app);
            return (registry.GetOrchestrators().Select(o => o.Key.Name).Order().ToArray(), registry.GetActivities().Select(a => a.Key.Name).Order().ToArray());
        });

        Assert.Equal(PermitTasks.Orchestrators.Select(t => t.Name).Order(), orchestrators);
        Assert.Equal(PermitTasks.Activities.Select(t => t.Name).Order(), activities);
    }

    public static TheoryData<string> Orchestrators() => [.. PermitTasks.Orchestrators.Select(t => t.Name)];

    public static TheoryData<string> Activities() => [.. PermitTasks.Activities.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Orchestrators))]
    public void Every_orchestrator_has_exactly_one_orchestration_trigger_wrapper(string name)
    {
        Type orchestrator = PermitTasks.Orchestrators.Single(t => t.Name == name);
        FunctionEntry wrapper = Assert.Single(FunctionCatalog.All, f => f.Name == name);

        Assert.IsType<OrchestrationTriggerAttribute>(wrapper.Trigger);
        Assert.Equal(typeof(TaskOrchestrationContext), wrapper.TriggerParameter!.ParameterType);
        Type[] types = GenericArguments(orchestrator, typeof(TaskOrchestrator<,>));
        Assert.Equal(typeof(Task<>).MakeGenericType(types[1]), wrapper.Method.ReturnType);
    }

    [Theory]
    [MemberData(nameof(Activities))]
    public void Every_activity_has_exactly_one_activity_trigger_wrapper_with_its_input_and_output(string name)
    {
        Type activity = PermitTasks.Activities.Single(t => t.Name == name);
        FunctionEntry wrapper = Assert.Single(FunctionCatalog.All, f => f.Name == name);

        Assert.IsType<ActivityTriggerAttribute>(wrapper.Trigger);
        Type[] types = GenericArguments(activity, typeof(TaskActivity<,>));
        Assert.Equal(types[0], wrapper.TriggerParameter!.ParameterType);
        Assert.Equal(typeof(Task<>).MakeGenericType(types[1]), wrapper.Method.ReturnType);
        Assert.Contains(wrapper.Method.GetParameters(), p => p.ParameterType == typeof(FunctionContext));
        Assert.Contains(wrapper.Method.GetParameters(), p => p.ParameterType == typeof(string) && p.Name == "instanceId");
    }

    [Fact]
    public void No_orchestration_or_activity_wrapper_lacks_a_task()
    {
        string[] wrappers = [.. FunctionCatalog.All
            .Where(f => f.Trigger is OrchestrationTriggerAttribute or ActivityTriggerAttribute or EntityTriggerAttribute)
            .Select(f => f.Name)];

        Assert.All(wrappers, name => Assert.Contains(name, TaskNames));
        Assert.DoesNotContain(FunctionCatalog.All, f => f.Trigger is EntityTriggerAttribute);
    }

    [Fact]
    public void Function_names_are_unique_and_every_function_has_one_trigger()
    {
        Assert.Equal(FunctionCatalog.All.Count, FunctionCatalog.All.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(FunctionCatalog.All, f => Assert.NotNull(f.Trigger));
    }

    [Fact]
    public void The_generated_function_metadata_lists_every_task_with_its_trigger_and_nothing_else()
    {
        Assert.True(File.Exists(RepositoryPaths.FunctionsMetadata), $"{RepositoryPaths.FunctionsMetadata} is missing: build functions/Workflow.Functions.");
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.FunctionsMetadata));
        Dictionary<string, string[]> triggers = metadata.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!).Where(t => t.EndsWith("Trigger", StringComparison.Ordinal)).ToArray());

        Assert.All(PermitTasks.Orchestrators, t => Assert.Equal(["orchestrationTrigger"], triggers[t.Name]));
        Assert.All(PermitTasks.Activities, t => Assert.Equal(["activityTrigger"], triggers[t.Name]));
        Assert.All(
            triggers.Where(f => f.Value.Contains("orchestrationTrigger") || f.Value.Contains("activityTrigger") || f.Value.Contains("entityTrigger")),
            f => Assert.Contains(f.Key, TaskNames));
        Assert.Equal(FunctionCatalog.All.Select(f => f.Name).Order(), triggers.Keys.Order());
    }

    [Fact]
    public async Task An_activity_wrapper_runs_the_activity_resolved_from_the_apps_container()
    {
        var gateway = new RecordingGateway();
        ServiceCollection services = FunctionsApp.Build(FunctionsApp.Configuration());
        services.Replace(ServiceDescriptor.Singleton<IFederalOfficeGateway>(gateway));
        await using ServiceProvider provider = services.BuildServiceProvider();
        await using var context = new TestFunctionContext(provider.CreateAsyncScope());
        var message = new FederalOutboundMessage("wp-x-h1-handoff", FederalOutboundKind.Handoff, "wp-x", "wp-x-h1", "wp-x", PermitCategory.HighlySkilled, DateTimeOffset.UnixEpoch);

        string result = await PermitActivityFunctions.SendFederalMessage(message, "wp-x", context);

        Assert.Equal(message.MessageId, result);
        Assert.Equal([message], gateway.Sent);
    }

    static Type[] GenericArguments(Type type, Type openBase)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openBase)
            {
                return t.GetGenericArguments();
            }
        }

        throw new InvalidOperationException($"{type.Name} does not derive from {openBase.Name}.");
    }

    sealed class RecordingGateway : IFederalOfficeGateway
    {
        public List<FederalOutboundMessage> Sent { get; } = [];

        public Task SendAsync(FederalOutboundMessage message, CancellationToken cancellationToken)
        {
            this.Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
