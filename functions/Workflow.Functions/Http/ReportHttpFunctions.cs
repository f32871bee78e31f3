using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Http;
using Workflow.Application.Reports;

namespace Workflow.Functions.Http;

/// <summary>
/// The misuse report endpoints of <see cref="ReportApi"/> as HTTP-triggered functions, as <see cref="PermitHttpFunctions"/>
/// does for the rest: the same names, routes and handlers. Reporting and following a report are anonymous (the
/// remote address's budget; a report takes from the tighter submissions budget); a signed-in reporter's principal is
/// read when App Service authentication forwards one. The inspectors' functions go behind their policy.
/// </summary>
public static class ReportHttpFunctions
{
    [Function("SubmitMisuseReport")]
    public static async Task<IResult> SubmitMisuseReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        IServiceProvider services = context.InstanceServices;
        ClaimsPrincipal user = FunctionAccess.PlatformAuthenticationEnabled(services.GetRequiredService<IConfiguration>())
            && EasyAuthPrincipal.Read(request.Headers[EasyAuthPrincipal.Header]) is { } principal
            ? principal
            : new ClaimsPrincipal(new ClaimsIdentity());
        request.HttpContext.User = user;
        return services.GetRequiredService<CallerRateLimiter>().Check(request.HttpContext, CallerRateLimits.Submissions)
            ?? await ReportApi.SubmitAsync(request, user, With(context, client), cancellationToken);
    }

    [Function("GetMisuseReportStatus")]
    public static Task<IResult> GetMisuseReportStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{reference}")] HttpRequest request,
        string reference,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAnonymousAsync(request, context, () =>
            ReportApi.GetStatusAsync(reference, With(context, client), cancellationToken));

    [Function("ForwardMisuseReport")]
    public static Task<IResult> ForwardMisuseReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inspections/reports/{reference}/forward")] HttpRequest request,
        string reference,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Inspectors, user =>
            ReportApi.ForwardAsync(reference, request, user, With(context, client), cancellationToken));

    [Function("CloseMisuseReport")]
    public static Task<IResult> CloseMisuseReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inspections/reports/{reference}/close")] HttpRequest request,
        string reference,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Inspectors, user =>
            ReportApi.CloseAsync(reference, request, user, With(context, client), cancellationToken));

    [Function("GetInspectionReports")]
    public static Task<IResult> GetInspectionReports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/inspections/reports")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Inspectors, _ =>
            ReportApi.GetQueueAsync(request, With(context, client), cancellationToken));

    /// <summary>The report service bound to this invocation's durable client.</summary>
    static MisuseReportService With(FunctionContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActivatorUtilities.CreateInstance<MisuseReportService>(context.InstanceServices, client);
    }
}
