using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Adapters.Queues;
using Workflow.Application;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.Adapters.Simulated;

/// <summary>
/// Plays the federal immigration office (DVZ) so the federal leg runs end to end without it. It reads handoffs from
/// <c>federal-handoff</c>, plans its answers (acknowledgement, perhaps an information request, then a decision) with
/// <see cref="Plan(FederalOfficeSettings, FederalOutboundMessage)"/>, parks each on <c>federal-office-schedule</c>
/// until due and then sends it to <c>federal-decisions</c>, where the platform's listener takes it like a real one.
/// Cancellations are only logged: the office may have decided already, and the platform records a later answer as late.
/// A withdrawal (§2.1) is acknowledged and nothing more: what the office does about the residence is its own business.
/// A repeated handoff plans the same answers again, with the same message ids; the platform de-duplicates them.
/// </summary>
public sealed partial class SimulatedFederalOffice(
    QueueServiceClient queues,
    StorageNames names,
    IOptions<FederalOfficeSettings> settings,
    IOptions<WorkflowSettings> workflow,
    TimeProvider time,
    ILogger<SimulatedFederalOffice> logger) : BackgroundService
{
    /// <summary>Storage queues hide a message for at most 7 days; a longer wait is taken in steps of this.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromDays(6);

    /// <summary>A planned answer due within this is held in memory until due rather than hidden on the queue again.</summary>
    static readonly TimeSpan InMemoryWait = TimeSpan.FromSeconds(2);

    readonly QueueClient handoffs = queues.GetQueueClient(names.FederalHandoffQueue);
    readonly QueueClient schedule = queues.GetQueueClient(names.FederalOfficeScheduleQueue);
    readonly QueueClient decisions = queues.GetQueueClient(names.FederalDecisionsQueue);

    /// <summary>
    /// The answers to a handoff, in order, each with its delay in policy days after receipt. A pure function of the
    /// settings and the handoff id: the same seed and id always give the same plan (and the same message ids).
    /// </summary>
    public static IReadOnlyList<(double AfterPolicyDays, FederalInboundMessage Message)> Plan(FederalOfficeSettings settings, FederalOutboundMessage handoff)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(handoff);
        if (handoff.Kind == FederalOutboundKind.Withdrawal)
        {
            // The withdrawal's id is its handoff id: the acknowledgement names it, so the platform finds the withdrawal.
            return [(Math.Max(0, settings.AcknowledgeAfterDays), new FederalInboundMessage(
                $"{handoff.HandoffId}:ack", FederalInboundKind.Acknowledgement, handoff.ApplicationId, handoff.HandoffId, handoff.CorrelationId))];
        }

        return Plan(settings, handoff.HandoffId, handoff.ApplicationId, handoff.CorrelationId);
    }

    /// <summary>
    /// The plan for a handoff id alone: the application id is read from the id as the workflow builds it
    /// ("{applicationId}-h{n}"), and the correlation id is the application id, as the workflow sets it.
    /// </summary>
    public static IReadOnlyList<(double AfterPolicyDays, FederalInboundMessage Message)> Plan(FederalOfficeSettings settings, string handoffId)
    {
        string applicationId = ApplicationIdOf(handoffId);
        return Plan(settings, handoffId, applicationId, applicationId);
    }

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Reproducible simulation, not secrets.")]
    static List<(double AfterPolicyDays, FederalInboundMessage Message)> Plan(
        FederalOfficeSettings settings, string handoffId, string applicationId, string? correlationId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(handoffId);
        Random random = SeededRandom.For("federal-office", settings.Seed.ToString(CultureInfo.InvariantCulture), handoffId);

        // Every draw is made whatever the outcome, so one setting never shifts the others' draws.
        double decisionRoll = random.NextDouble();
        double informationRoll = random.NextDouble();
        double informationPosition = random.NextDouble();
        double refusalRoll = random.NextDouble();
        int reasonIndex = random.Next(int.MaxValue);

        double acknowledgeAfter = Math.Max(0, settings.AcknowledgeAfterDays);
        double min = Math.Max(acknowledgeAfter, Math.Min(settings.DecisionAfterDaysMin, settings.DecisionAfterDaysMax));
        double max = Math.Max(min, settings.DecisionAfterDaysMax);
        double decisionAfter = Math.Round(min + (decisionRoll * (max - min)), 3);

        var plan = new List<(double, FederalInboundMessage)>
        {
            (acknowledgeAfter, new FederalInboundMessage($"{handoffId}:ack", FederalInboundKind.Acknowledgement, applicationId, handoffId, correlationId)),
        };

        if (informationRoll < Math.Clamp(settings.InformationRequestRate, 0, 1))
        {
            double informationAfter = Math.Round(acknowledgeAfter + ((0.2 + (0.4 * informationPosition)) * (decisionAfter - acknowledgeAfter)), 3);
            plan.Add((informationAfter, new FederalInboundMessage($"{handoffId}:info", FederalInboundKind.InformationRequest, applicationId, handoffId, correlationId)));
        }

        bool refused = refusalRoll < Math.Clamp(settings.RefusalRate, 0, 1);
        IReadOnlyList<string> reasons = settings.ReasonCodesOnRefusal is { Count: > 0 } codes ? codes : ["refused"];
        plan.Add((decisionAfter, new FederalInboundMessage(
            $"{handoffId}:decision",
            FederalInboundKind.Decision,
            applicationId,
            handoffId,
            correlationId,
            refused ? FederalVerdict.Refused : FederalVerdict.Approved,
            refused ? [reasons[reasonIndex % reasons.Count]] : null)));
        return plan;
    }

    /// <summary>"wp-…-h1" → "wp-…"; an id of another shape is taken as is.</summary>
    static string ApplicationIdOf(string handoffId)
    {
        ArgumentException.ThrowIfNullOrEmpty(handoffId);
        int dash = handoffId.LastIndexOf("-h", StringComparison.Ordinal);
        return dash > 0 && dash + 2 < handoffId.Length && !handoffId.AsSpan(dash + 2).ContainsAnyExceptInRange('0', '9')
            ? handoffId[..dash]
            : handoffId;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Value.Mode == FederalOfficeMode.Off)
        {
            LogOff(logger);
            return Task.CompletedTask;
        }

        LogStarted(logger, settings.Value.Seed, workflow.Value.PolicyDayLength);
        return Task.WhenAll(
            QueuePoller.RunAsync(this.handoffs, this.HandleHandoffAsync, logger, stoppingToken),
            QueuePoller.RunAsync(this.schedule, this.HandleScheduledAsync, logger, stoppingToken, concurrently: true));
    }

    internal async Task HandleHandoffAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        FederalOutboundMessage? handoff;
        try
        {
            handoff = StorageQueueMessages.Read<FederalOutboundMessage>(message);
        }
        catch (JsonException)
        {
            handoff = null;
        }

        if (handoff is null || string.IsNullOrEmpty(handoff.HandoffId) || string.IsNullOrEmpty(handoff.ApplicationId))
        {
            LogUnreadable(logger, message.MessageId);
            await QueuePoller.DeleteAsync(this.handoffs, message, cancellationToken);
            return;
        }

        if (handoff.Kind == FederalOutboundKind.Cancellation)
        {
            LogCancellation(logger, handoff.HandoffId, handoff.ApplicationId);
            await QueuePoller.DeleteAsync(this.handoffs, message, cancellationToken);
            return;
        }

        DateTimeOffset receivedAt = time.GetUtcNow();
        TimeSpan policyDay = workflow.Value.PolicyDayLength;
        IReadOnlyList<(double AfterPolicyDays, FederalInboundMessage Message)> plan = Plan(settings.Value, handoff);
        foreach ((double afterDays, FederalInboundMessage answer) in plan)
        {
            DateTimeOffset dueAt = receivedAt + (policyDay * afterDays);
            await this.schedule.SendJsonAsync(
                new ScheduledFederalMessage(dueAt, answer),
                cancellationToken,
                visibilityTimeout: Hold(dueAt - receivedAt),
                timeToLive: StorageQueueMessages.KeepForever);
        }

        await QueuePoller.DeleteAsync(this.handoffs, message, cancellationToken);
        FederalInboundMessage last = plan[^1].Message;
        if (last.Decision is FederalVerdict verdict)
        {
            LogPlanned(logger, handoff.HandoffId, handoff.ApplicationId, plan.Count, verdict, plan[^1].AfterPolicyDays);
        }
        else
        {
            LogWithdrawal(logger, handoff.HandoffId, handoff.ApplicationId, plan[^1].AfterPolicyDays);
        }
    }

    internal async Task HandleScheduledAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ScheduledFederalMessage? scheduled;
        try
        {
            scheduled = StorageQueueMessages.Read<ScheduledFederalMessage>(message);
        }
        catch (JsonException)
        {
            scheduled = null;
        }

        if (scheduled?.Message is null)
        {
            LogUnreadable(logger, message.MessageId);
            await QueuePoller.DeleteAsync(this.schedule, message, cancellationToken);
            return;
        }

        TimeSpan remaining = scheduled.DueAt - time.GetUtcNow();
        if (Hold(remaining) is TimeSpan hold)
        {
            // Not due: out of sight again until just before it is. Whole seconds only; the rest is waited below.
            await this.schedule.UpdateMessageAsync(message.MessageId, message.PopReceipt, message.Body, hold, cancellationToken);
            return;
        }

        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, cancellationToken);
        }

        await this.decisions.SendJsonAsync(scheduled.Message, cancellationToken);
        await QueuePoller.DeleteAsync(this.schedule, message, cancellationToken);
        LogSent(logger, scheduled.Message.MessageId, scheduled.Message.ApplicationId);
    }

    /// <summary>
    /// How long to hide a message due in <paramref name="remaining"/>: whole seconds, at most <see cref="MaxHold"/>,
    /// ending about a second early so a poll (idle back-off up to 1 s) sees it before it is due and the last moments
    /// are waited in memory; null when it is due within <see cref="InMemoryWait"/>.
    /// </summary>
    static TimeSpan? Hold(TimeSpan remaining)
    {
        if (remaining < InMemoryWait)
        {
            return null;
        }

        TimeSpan early = remaining - TimeSpan.FromSeconds(1);
        TimeSpan capped = early < MaxHold ? early : MaxHold;
        return TimeSpan.FromSeconds(Math.Floor(capped.TotalSeconds));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated federal office is off: federal messages come from elsewhere")]
    static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated federal office started (seed {Seed}, policy day {PolicyDay})")]
    static partial void LogStarted(ILogger logger, int seed, TimeSpan policyDay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Federal office planned {Count} answers to handoff {HandoffId} of {ApplicationId}: {Verdict} after {Days} policy days")]
    static partial void LogPlanned(ILogger logger, string handoffId, string applicationId, int count, FederalVerdict verdict, double days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Federal office will acknowledge withdrawal {WithdrawalId} of {ApplicationId} after {Days} policy days")]
    static partial void LogWithdrawal(ILogger logger, string withdrawalId, string applicationId, double days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Federal office received the cancellation of handoff {HandoffId} of {ApplicationId}")]
    static partial void LogCancellation(ILogger logger, string handoffId, string applicationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Federal office sent {MessageId} for {ApplicationId}")]
    static partial void LogSent(ILogger logger, string messageId, string applicationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federal office: queue message {QueueMessageId} is unreadable; dropped")]
    static partial void LogUnreadable(ILogger logger, string queueMessageId);
}
