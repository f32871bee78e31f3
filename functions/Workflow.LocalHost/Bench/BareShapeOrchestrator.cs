using Microsoft.DurableTask;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// The bench's bare orchestration: the permit workflow's shape without its domain. Three activities in sequence; then,
/// in parallel, [four activities, then the caseworker's event] and [one activity, then the federal event], racing a
/// 15-policy-day timer that is cancelled when both legs are done; then one activity. Each leg names the event it waits
/// for in the custom status, so the bench raises it as soon as the wait begins. Registered only in the bench's host.
/// </summary>
public sealed class BareShapeOrchestrator : TaskOrchestrator<BareShapeInput, string>
{
    public const string CaseworkerEvent = "caseworker";
    public const string FederalEvent = "federal";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, BareShapeInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        int step = 0;
        for (int i = 0; i < 3; i++)
        {
            await context.CallActivityAsync<int>(nameof(NoOpActivity), ++step);
        }

        var waiting = new List<string>();
        using var timerCancellation = new CancellationTokenSource();
        Task timer = context.CreateTimer(context.CurrentUtcDateTime + input.TimerAfter, timerCancellation.Token);
        Task legs = Task.WhenAll(Leg(context, waiting, 4, CaseworkerEvent, step * 10), Leg(context, waiting, 1, FederalEvent, step * 100));
        if (await Task.WhenAny(legs, timer) != legs)
        {
            return "timed-out";
        }

        timerCancellation.Cancel();
        await context.CallActivityAsync<int>(nameof(NoOpActivity), ++step);
        return "decided";
    }

    static async Task Leg(TaskOrchestrationContext context, List<string> waiting, int activities, string eventName, int firstStep)
    {
        for (int i = 0; i < activities; i++)
        {
            await context.CallActivityAsync<int>(nameof(NoOpActivity), firstStep + i);
        }

        waiting.Add(eventName);
        context.SetCustomStatus(string.Join(',', waiting));
        await context.WaitForExternalEvent<string>(eventName);
    }
}
