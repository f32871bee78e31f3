using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Commands;

namespace Workflow.Functions.Http;

/// <summary>
/// Application services that raise workflow events, bound to one invocation's durable client (the
/// <c>[DurableClient]</c> binding is the Functions host's way to reach the task hub; DI has no client).
/// </summary>
internal static class CommandServices
{
    /// <summary>A service taking a <see cref="CommandGate"/>, its gate raising events through <paramref name="client"/>.</summary>
    public static T Create<T>(IServiceProvider services, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(services);
        CommandGate gate = ActivatorUtilities.CreateInstance<CommandGate>(services, new DurableWorkflowEvents(client));
        return ActivatorUtilities.CreateInstance<T>(services, gate);
    }
}
