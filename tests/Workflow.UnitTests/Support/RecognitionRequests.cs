using System.Collections.Concurrent;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.UnitTests.Support;

/// <summary>The recognition follow-ups' start requests in memory, as the registrar leaves them (the first request stands). Members the registrar does not use are not supported.</summary>
internal sealed class RecognitionRequests : IRecognitionFollowUps
{
    public ConcurrentDictionary<string, RecognitionStartRequest> Requests { get; } = new(StringComparer.Ordinal);

    public Task RequestStartAsync(RecognitionStartRequest request, CancellationToken cancellationToken)
    {
        this.Requests.TryAdd(request.ApplicationId, request);
        return Task.CompletedTask;
    }

    public Task<RecognitionStartRequest?> GetRequestAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.Requests.GetValueOrDefault(applicationId));

    public Task<IReadOnlyList<RecognitionStartRequest>> RequestedStartsAsync(int max, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task MarkStartedAsync(string applicationId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RecordAsync(RecognitionFollowUpCase followUp, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<RecognitionFollowUpCase?> GetAsync(string applicationId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<RecognitionFollowUpPage> ListOpenAsync(int pageSize, string? continuation, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task KeepNoteAsync(RecognitionNote note, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<RecognitionNote>> NotesAsync(string applicationId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
