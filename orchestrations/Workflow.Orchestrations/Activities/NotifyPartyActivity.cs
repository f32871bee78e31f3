using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>Notifies one party (employer or worker) through the notification port, with the employer's letter to its e-Box; once per idempotency key.</summary>
public sealed class NotifyPartyActivity(INotificationSender notifications, EBoxLetterDelivery eBox) : TaskActivity<PartyNotification, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, PartyNotification input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await notifications.SendAsync(input, CancellationToken.None);
        await eBox.DeliverAsync(input, CancellationToken.None);
        return input.IdempotencyKey;
    }
}
