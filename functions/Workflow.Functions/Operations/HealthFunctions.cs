using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Adapters.Parties;

namespace Workflow.Functions.Operations;

/// <summary>
/// <c>GET api/healthz</c>, anonymous (excluded from App Service authentication) like the local host's <c>/healthz</c>:
/// the app is up, and which outside parties are real and which simulated. No secrets, no settings.
/// </summary>
public static class HealthFunctions
{
    [Function("Health")]
    public static IResult Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/healthz")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TypedResults.Ok(context.InstanceServices.GetRequiredService<WiredParties>().Health());
    }
}
