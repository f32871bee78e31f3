using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Http;
using Workflow.Application.Ports;
using Workflow.Application.Queries;

namespace Workflow.Functions.Http;

/// <summary>The applicant's own applications (<see cref="ApplicantApplicationsApi"/>) as an HTTP function: the same route, name and handler as the local host's.</summary>
public static class ApplicantApplicationFunctions
{
    [Function("GetOwnApplications")]
    public static Task<IResult> GetOwnApplications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FunctionAccess.RunAsync(request, context, AccessPolicies.Employers, user =>
            ApplicantApplicationsApi.ListAsync(
                request,
                user,
                context.InstanceServices.GetRequiredService<IApplicantIndex>(),
                context.InstanceServices.GetRequiredService<ApplicationQueries>(),
                cancellationToken));
    }
}
