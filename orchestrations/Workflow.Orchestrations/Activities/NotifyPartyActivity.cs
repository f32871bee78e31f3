using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>Notifies one party (employer or worker) through the notification port; once per idempotency key.</summary>
public sealed class NotifyPartyActivity(INotificationSender notifications) : TaskActivity<PartyNotification, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, PartyNotification input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await notifications.SendAsync(input, CancellationToken.None);
        return input.IdempotencyKey;
    }
}
