using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Http;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Ports;

namespace Workflow.Functions.Http;

/// <summary>
/// The document endpoints of <see cref="DocumentApi"/> as HTTP-triggered functions, as <see cref="PermitHttpFunctions"/>
/// does for the rest: the same names, routes and handlers, each behind its endpoint's policy; the handler makes the
/// employer's ownership check. They read the dossier only, so no function here takes the durable client.
/// </summary>
public static class DocumentHttpFunctions
{
    [Function("ListDocuments")]
    public static Task<IResult> ListDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/documents")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ApplicationReaders, user =>
            DocumentApi.ListAsync(id, user, Service<ApplicantAccess>(context), Service<ISubmissionLedger>(context), Service<IDossierStore>(context), cancellationToken));

    [Function("GetDocument")]
    public static Task<IResult> GetDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/documents/{type}/{sha256}")] HttpRequest request,
        string id,
        string type,
        string sha256,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ApplicationReaders, user =>
            DocumentApi.GetContentAsync(
                id, type, sha256, request.HttpContext, user, Service<ApplicantAccess>(context), Service<IDossierStore>(context), Service<IAuditLog>(context), Service<TimeProvider>(context), cancellationToken));

    static T Service<T>(FunctionContext context)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<T>();
    }
}
