namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// Endpoint metadata: the operation's 409 may carry <c>Retry-After</c>, when the application it concerns is still being
/// registered by an earlier request (<see cref="Problems.StillRegistering"/>).
/// </summary>
public sealed class RetriesWhileRegistering
{
    public static RetriesWhileRegistering Instance { get; } = new();

    RetriesWhileRegistering()
    {
    }
}
