using Workflow.Application.Validation;

namespace Workflow.Application.Commands;

/// <summary>How a command ended; the HTTP layer turns it into a status code and a body or a problem.</summary>
public enum CommandStatus
{
    /// <summary>Accepted: the workflow was told (202).</summary>
    Accepted,

    /// <summary>The same command again: nothing new happened (200).</summary>
    AlreadyDone,

    /// <summary>A party's message recorded without acting on it (late, or refused by the case): 200 with its fate and reason.</summary>
    Recorded,

    NotFound,

    /// <summary>The application is not in a state where this command applies (409).</summary>
    Conflict,

    /// <summary>The application's submission is still being registered: its workflow is not scheduled yet (409 with Retry-After).</summary>
    Registering,

    /// <summary>The request is malformed or incomplete (400).</summary>
    Invalid,

    /// <summary>Well formed but not acceptable, e.g. the wrong fee amount (422).</summary>
    Unprocessable,
}

public sealed record CommandResult(CommandStatus Status, string? Detail = null, ValidationErrors? Errors = null, object? Body = null)
{
    public static CommandResult Accepted(object? body = null) => new(CommandStatus.Accepted, Body: body);

    public static CommandResult NotFound(string applicationId) => new(CommandStatus.NotFound, $"There is no application {applicationId}.");

    public static CommandResult Conflict(string detail) => new(CommandStatus.Conflict, detail);

    /// <summary>How soon to try a command again on an application still being registered.</summary>
    public static readonly TimeSpan RegisteringRetryAfter = TimeSpan.FromSeconds(2);

    public static CommandResult Registering(string applicationId) => new(
        CommandStatus.Registering,
        $"Application {applicationId} is still being registered. If its submission did not answer, submit it again with the same submission id and body.");

    public static CommandResult Invalid(ValidationErrors errors) => new(CommandStatus.Invalid, Errors: errors);
}
