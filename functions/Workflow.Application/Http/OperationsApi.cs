using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Operations;

namespace Workflow.Application.Http;

/// <summary>
/// Operators' endpoints under <c>/api/operations</c>, mapped into <see cref="PermitApi"/>'s group (authenticated, rate
/// limited). The Azure Functions app serves the same route through the same handler.
/// </summary>
public static class OperationsApi
{
    public static RouteGroupBuilder MapOperationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost(
                "/operations/instances/{id}/restart",
                (string id, HttpRequest request, ClaimsPrincipal user, DurableTaskClient client, CancellationToken cancellationToken) =>
                    RestartInstanceAsync(id, request, user, Restarts(request.HttpContext.RequestServices, client, gate: null), cancellationToken))
            .WithTags("Operations")
            .WithName("RestartInstance")
            .RequireAuthorization(AccessPolicies.Managers)
            .WithSummary("Restart a failed workflow (after its cause is fixed) from its submission with its original input; the messages it had received are raised again. Audited with who and why (reason, required).")
            .Accepts<RestartRequest>("application/json")
            .Produces<RestartReceipt>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    /// <summary>The restart, by a manager: 202 with the receipt, 404 without a workflow, 409 unless it failed.</summary>
    public static async Task<IResult> RestartInstanceAsync(string id, HttpRequest request, ClaimsPrincipal user, WorkflowRestarts restarts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(restarts);
        return await PermitApi.CommandAsync<RestartRequest>(
            id, request, PermitApi.SmallBodyBytes, (body, ct) => restarts.RestartAsync(id, body, Actor.Of(user, AccessPolicies.Managers), ct), cancellationToken);
    }

    /// <summary>The restart service on a host's services and durable client; <paramref name="gate"/> when the host binds one to the client.</summary>
    public static WorkflowRestarts Restarts(IServiceProvider services, DurableTaskClient client, CommandGate? gate) =>
        gate is null
            ? ActivatorUtilities.CreateInstance<WorkflowRestarts>(services, client)
            : ActivatorUtilities.CreateInstance<WorkflowRestarts>(services, client, gate);
}
