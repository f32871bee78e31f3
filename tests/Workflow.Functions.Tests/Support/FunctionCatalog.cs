using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Workflow.Functions.Tests.Support;

/// <summary>One [Function] method of the app and the trigger attribute on its parameters.</summary>
internal sealed record FunctionEntry(string Name, MethodInfo Method, ParameterInfo? TriggerParameter, Attribute? Trigger);

/// <summary>Every [Function] method of the Functions app, found by reflection as the Functions SDK's generator finds them.</summary>
internal static class FunctionCatalog
{
    public static IReadOnlyList<FunctionEntry> All { get; } = Discover();

    static FunctionEntry[] Discover() =>
    [
        .. typeof(PermitFunctionsApp).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (method, function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(m => m.function is not null)
            .Select(m =>
            {
                (ParameterInfo parameter, Attribute trigger)? trigger = m.method.GetParameters()
                    .SelectMany(p => p.GetCustomAttributes().Where(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal)).Select(a => (p, a)))
                    .Cast<(ParameterInfo, Attribute)?>()
                    .SingleOrDefault();
                return new FunctionEntry(m.function!.Name, m.method, trigger?.parameter, trigger?.trigger);
            }),
    ];
}
