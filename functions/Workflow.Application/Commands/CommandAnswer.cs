using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Commands;

/// <summary>
/// The answer to every command (202 the first time, 200 for a repeat), and what <c>GET .../commands/{kind}/{id}</c>
/// shows later: the command's key, its fate (pending until the workflow handled it, then accepted or rejected with the
/// reason), whether this answer repeats an earlier one, and the command's own codes and ids.
/// </summary>
public sealed record CommandAnswer(
    string ApplicationId,
    string Kind,
    string CommandId,
    CommandFate Fate,
    string? Reason,
    bool Repeated,
    string CommandUrl,
    IReadOnlyDictionary<string, string> Details)
{
    public static string UrlOf(string applicationId, string kind, string commandId) =>
        $"/api/applications/{applicationId}/commands/{kind}/{Uri.EscapeDataString(commandId)}";
}
