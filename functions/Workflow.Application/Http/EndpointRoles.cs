using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Workflow.Application.Http;

/// <summary>Every protected endpoint the same way: its access policy, and the 401 and 403 problems it may answer.</summary>
internal static class EndpointRoles
{
    public static RouteHandlerBuilder RequireRoles(this RouteHandlerBuilder endpoint, string policy) =>
        endpoint.RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
