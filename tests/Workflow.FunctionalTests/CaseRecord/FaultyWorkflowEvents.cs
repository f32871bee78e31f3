using Microsoft.DurableTask.Client;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Contracts;

namespace Workflow.FunctionalTests.CaseRecord;

/// <summary>
/// The durable client's event raising, failing once for the first message of one command kind: a request cut off
/// between recording a command and raising its event, as a crash or a lost connection would cut it.
/// </summary>
internal sealed class FaultyWorkflowEvents(DurableTaskClient client) : IWorkflowEvents
{
    static readonly HashSet<string> FailOnce = new(StringComparer.Ordinal);
    readonly DurableWorkflowEvents inner = new(client);

    /// <summary>The next raise of a message of <paramref name="kind"/> on <paramref name="applicationId"/> fails.</summary>
    public static void FailNext(string applicationId, string kind)
    {
        lock (FailOnce)
        {
            FailOnce.Add($"{applicationId}/{kind}");
        }
    }

    public Task RaiseAsync(string applicationId, string eventName, PermitMessage message, bool started, CancellationToken cancellationToken)
    {
        lock (FailOnce)
        {
            if (FailOnce.Remove($"{applicationId}/{CommandKinds.KindOf(message.MessageId)}"))
            {
                throw new HttpRequestException("The connection to the task hub was lost (injected by the test).");
            }
        }

        return this.inner.RaiseAsync(applicationId, eventName, message, started, cancellationToken);
    }
}
