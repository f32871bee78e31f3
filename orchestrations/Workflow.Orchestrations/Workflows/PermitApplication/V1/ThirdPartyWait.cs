using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Workflows.PermitApplication.V1;

/// <summary>
/// A request to a third party during the assessment (authentication, §2.1 art. 63 BVR; screening advice, §2.7): a
/// wait with a deadline that does not pause the SLA clock. Policy times.
/// </summary>
internal sealed class ThirdPartyWait(ThirdPartyRequested request, DateTimeOffset requestedAt)
{
    public string RequestId => request.RequestId;

    public ThirdPartyKind Kind => request.Kind;

    public DateTimeOffset Deadline { get; } = requestedAt.AddDays(request.DeadlineDays);

    public ThirdPartyAnswer? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool Expired { get; private set; }

    public bool IsOpen => this.Answer is null && !this.Expired;

    public void Answered(ThirdPartyAnswer answer, DateTimeOffset at)
    {
        this.Answer = answer;
        this.AnsweredAt = at;
    }

    public void Expire() => this.Expired = true;

    public ThirdPartySnapshot Snapshot() =>
        new(request.RequestId, request.Kind, request.Authority, request.DocumentType, requestedAt, this.Deadline, this.Answer, this.AnsweredAt, this.Expired);
}
