using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Http;
using Workflow.Application.Recognition;

namespace Workflow.Functions.Http;

/// <summary>The regulated professions' endpoints (<see cref="RecognitionApi"/>, §2.6) as HTTP functions: same names, routes and handlers as the local host.</summary>
public static class RecognitionHttpFunctions
{
    [Function("GetRecognitionFollowUp")]
    public static Task<IResult> GetRecognitionFollowUp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/recognition")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ApplicationReaders, user =>
            RecognitionApi.GetFollowUpAsync(id, user, Service<RecognitionQueries>(context), Service<ApplicantAccess>(context), cancellationToken));

    [Function("RecordNaricOutcome")]
    public static Task<IResult> RecordNaricOutcome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/recognition/naric-outcome")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseworkersAndManagers, user =>
            RecognitionApi.RecordNaricOutcomeAsync(id, request, user, Commands(context, client), cancellationToken));

    [Function("RecordCareVisaOutcome")]
    public static Task<IResult> RecordCareVisaOutcome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/recognition/care-visa-outcome")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseworkersAndManagers, user =>
            RecognitionApi.RecordCareVisaOutcomeAsync(id, request, user, Commands(context, client), cancellationToken));

    [Function("GetRecognitionFollowUps")]
    public static Task<IResult> GetRecognitionFollowUps(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/recognition-follow-ups")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.CaseworkersAndManagers, user =>
            RecognitionApi.GetOpenFollowUpsAsync(request, Service<RecognitionQueries>(context), cancellationToken));

    /// <summary>The commands, raising events through this invocation's durable client (DI has none in the Functions host).</summary>
    static RecognitionCommands Commands(FunctionContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActivatorUtilities.CreateInstance<RecognitionCommands>(context.InstanceServices, client);
    }

    static T Service<T>(FunctionContext context)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<T>();
    }
}
