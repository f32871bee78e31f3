namespace Workflow.Application.Recognition;

/// <summary><c>GET /api/recognition-follow-ups</c>: a page of open follow-ups, nearest due date first, and the token of the next page.</summary>
public sealed record RecognitionWorkPage(IReadOnlyList<RecognitionWorkItem> Items, string? Continuation);
