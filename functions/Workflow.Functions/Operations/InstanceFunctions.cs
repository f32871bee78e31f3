using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Http;
using Workflow.Functions.Http;

namespace Workflow.Functions.Operations;

/// <summary>
/// The operators' endpoints of <see cref="OperationsApi"/> as HTTP functions: the same route, name and handler as the
/// local host, behind App Service authentication and the managers' policy (not the master key: the audit log records
/// the person who restarted, and why).
/// </summary>
public static class InstanceFunctions
{
    [Function("RestartInstance")]
    public static Task<IResult> RestartInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/operations/instances/{id}/restart")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FunctionAccess.RunAsync(request, context, AccessPolicies.Managers, user =>
        {
            IServiceProvider services = context.InstanceServices;
            CommandGate gate = ActivatorUtilities.CreateInstance<CommandGate>(services, new DurableWorkflowEvents(client));
            return OperationsApi.RestartInstanceAsync(id, request, user, OperationsApi.Restarts(services, client, gate), cancellationToken);
        });
    }
}
