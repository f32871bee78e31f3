using System.Collections.Concurrent;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Functions.Tests.Support;

/// <summary>The recognition follow-ups in memory, for the Functions app's tests (the real store is tested on Azurite by the functional tests).</summary>
internal sealed class InMemoryRecognitionFollowUps : IRecognitionFollowUps
{
    readonly ConcurrentDictionary<string, RecognitionStartRequest> requests = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, RecognitionFollowUpCase> followUps = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, RecognitionNote> notes = new(StringComparer.Ordinal);

    public Task RequestStartAsync(RecognitionStartRequest request, CancellationToken cancellationToken)
    {
        this.requests.TryAdd(request.ApplicationId, request with { Started = false });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecognitionStartRequest>> RequestedStartsAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecognitionStartRequest>>([.. this.requests.Values.Where(r => !r.Started).Take(max)]);

    public Task MarkStartedAsync(string applicationId, CancellationToken cancellationToken)
    {
        this.requests.AddOrUpdate(applicationId, _ => throw new InvalidOperationException("No such request."), (_, r) => r with { Started = true });
        return Task.CompletedTask;
    }

    public Task<RecognitionStartRequest?> GetRequestAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.requests.TryGetValue(applicationId, out RecognitionStartRequest? request) ? request : null);

    public Task RecordAsync(RecognitionFollowUpCase followUp, CancellationToken cancellationToken)
    {
        this.followUps.AddOrUpdate(followUp.ApplicationId, followUp, (_, stored) => stored.Revision > followUp.Revision ? stored : followUp);
        return Task.CompletedTask;
    }

    public Task<RecognitionFollowUpCase?> GetAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.followUps.TryGetValue(applicationId, out RecognitionFollowUpCase? followUp) ? followUp : null);

    public Task<RecognitionFollowUpPage> ListOpenAsync(int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        RecognitionFollowUpCase[] open = [.. this.followUps.Values.Where(f => !f.IsClosed).OrderBy(f => f.Clock().ToReal(f.DueAt!.Value)).ThenBy(f => f.ApplicationId, StringComparer.Ordinal)];
        int skip = continuation is null ? 0 : int.Parse(continuation, System.Globalization.CultureInfo.InvariantCulture);
        RecognitionFollowUpCase[] page = [.. open.Skip(skip).Take(pageSize)];
        return Task.FromResult(new RecognitionFollowUpPage(page, open.Length > skip + pageSize ? (skip + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }

    public Task KeepNoteAsync(RecognitionNote note, CancellationToken cancellationToken)
    {
        this.notes.TryAdd($"{note.ApplicationId}|{note.Kind}|{note.CommandId}", note);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecognitionNote>> NotesAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecognitionNote>>([.. this.notes.Values.Where(n => n.ApplicationId == applicationId).OrderBy(n => n.RecordedAt)]);
}
