using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Http;
using Workflow.Application.Withdrawals;

namespace Workflow.Functions.Http;

/// <summary>The withdrawal endpoints of <see cref="WithdrawalApi"/> as HTTP functions: the same names, routes, policies and handlers as the local host.</summary>
public static class WithdrawalHttpFunctions
{
    [Function("FileFinding")]
    public static Task<IResult> FileFinding(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inspections/findings")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Inspectors, user =>
            WithdrawalApi.FileFindingAsync(request, user, With(context, client), cancellationToken));

    [Function("GetWithdrawal")]
    public static Task<IResult> GetWithdrawal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/withdrawals/{withdrawalId}")] HttpRequest request,
        string withdrawalId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ApplicationReaders, user =>
            WithdrawalApi.GetAsync(withdrawalId, user, With(context, client), Access(context), cancellationToken));

    [Function("GetWithdrawalLetter")]
    public static Task<IResult> GetWithdrawalLetter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/withdrawals/{withdrawalId}/letters/{letter}")] HttpRequest request,
        string withdrawalId,
        string letter,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.ApplicationReaders, user =>
            WithdrawalApi.GetLetterAsync(withdrawalId, letter, request.HttpContext, user, With(context, client), Access(context), cancellationToken));

    [Function("RespondToHearing")]
    public static Task<IResult> RespondToHearing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/withdrawals/{withdrawalId}/hearing-response")] HttpRequest request,
        string withdrawalId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Employers, user =>
            WithdrawalApi.RespondAsync(withdrawalId, request, user, With(context, client), Access(context), cancellationToken));

    [Function("DecideWithdrawal")]
    public static Task<IResult> DecideWithdrawal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/withdrawals/{withdrawalId}/decision")] HttpRequest request,
        string withdrawalId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FunctionAccess.RunAsync(request, context, AccessPolicies.Caseworkers, user =>
            WithdrawalApi.DecideAsync(withdrawalId, request, user, With(context, client), Access(context), cancellationToken));

    /// <summary>The withdrawal service bound to this invocation's durable client.</summary>
    static WithdrawalService With(FunctionContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActivatorUtilities.CreateInstance<WithdrawalService>(context.InstanceServices, client);
    }

    static ApplicantAccess Access(FunctionContext context) => context.InstanceServices.GetRequiredService<ApplicantAccess>();
}
