using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Application.Recognition;

/// <summary>
/// Starts the follow-ups the registrar asked for (§2.6): for each start request not yet started, the terms in force on
/// the Belgian date of the grant are stamped into the input and <see cref="RecognitionFollowUpOrchestrator"/> is
/// scheduled under the id derived from the application (every dedupe status, so a second start finds the first), then
/// the request is marked started. Safe to run again and from several hosts. Run on a timer in both hosts
/// (<see cref="RecognitionStartJob"/> locally, a timer function in Azure), because the registrar runs inside the permit
/// workflow's activity, which has no durable client in the Functions host, and the permit workflow must not gain a
/// durable action of its own (instances in flight would no longer replay).
/// </summary>
public sealed partial class RecognitionFollowUpStarter(
    DurableTaskClient client, IRecognitionFollowUps followUps, RecognitionPolicy policy, ILogger<RecognitionFollowUpStarter> logger)
{
    /// <summary>How many requests one run starts; the rest wait for the next.</summary>
    public const int BatchSize = 50;

    static readonly OrchestrationRuntimeStatus[] AllStatuses = [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses];

    /// <returns>How many follow-ups this run scheduled.</returns>
    public async Task<int> StartRequestedAsync(CancellationToken cancellationToken)
    {
        int started = 0;
        foreach (RecognitionStartRequest request in await followUps.RequestedStartsAsync(BatchSize, cancellationToken))
        {
            if (policy.TermsFor(PolicyCatalog.BelgianDate(request.GrantedAt)) is not RecognitionTerms terms)
            {
                LogNoTerms(logger, request.ApplicationId);
                continue;
            }

            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(
                    nameof(RecognitionFollowUpOrchestrator),
                    new RecognitionFollowUpInput(request.ApplicationId, request.Category, request.GrantedAt, request.PolicyDayLength, terms),
                    new StartOrchestrationOptions(RecognitionFollowUpIds.For(request.ApplicationId)).WithDedupeStatuses(AllStatuses),
                    cancellationToken);
                started++;
                LogStarted(logger, request.ApplicationId, terms.TermsId);
            }
            catch (OrchestrationAlreadyExistsException)
            {
                // Started before (a run cut off before marking it): nothing more to do.
            }

            await followUps.MarkStartedAsync(request.ApplicationId, cancellationToken);
        }

        return started;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recognition follow-up of {ApplicationId} scheduled under terms {TermsId}")]
    static partial void LogStarted(ILogger logger, string applicationId, string termsId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No recognition terms are in force for the grant of {ApplicationId}: its follow-up waits until the policy data has some")]
    static partial void LogNoTerms(ILogger logger, string applicationId);
}
