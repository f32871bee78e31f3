using System.Globalization;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Assignments;

/// <summary>
/// Claims, releases and assignments of applications. Each reads the case and its assignment together, asks
/// <see cref="AssignmentRules"/>, and writes the change conditionally on what it read: of two changes at once one
/// wins, the other reads again and is decided again (two claims: the second finds the first's assignee, 409). Every
/// change is audited with who made it, on a key numbered by the change, so that the next command writes again an audit
/// row a crash cut off. Nothing here reaches the workflow.
/// </summary>
public sealed class AssignmentCommands(ICaseAssignments assignments, ISubmissionLedger submissions, IAuditLog auditLog, IDossierStore dossiers, TimeProvider time)
{
    /// <summary>The longest reason a manager gives.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>How often a change is read and decided again when others keep changing the case's row in between.</summary>
    const int Attempts = 10;

    public Task<CommandResult> ClaimAsync(string applicationId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return this.ChangeAsync(applicationId, AssignmentRequest.Claim(Person(actor), actor.Role == Roles.Manager), actor, reason: null, cancellationToken);
    }

    /// <param name="asManager">Whether the caller holds the manager role (a manager releases anyone's).</param>
    public Task<CommandResult> ReleaseAsync(string applicationId, Actor actor, bool asManager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return this.ChangeAsync(applicationId, AssignmentRequest.Release(Person(actor), asManager), actor, reason: null, cancellationToken);
    }

    /// <summary>A manager's assignment; without a name, the assignee's name known from an earlier claim or assignment.</summary>
    public async Task<CommandResult> AssignAsync(string applicationId, AssignRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "caseworker", request.Caseworker);
        TextRules.FreeText(errors, "name", request.Name, 200, required: false);
        TextRules.FreeText(errors, "reason", request.Reason, MaxReasonLength, required: false);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        string? name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        name ??= (await assignments.FindCaseworkerAsync(request.Caseworker!, cancellationToken))?.Name;
        string? reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason;
        return await this.ChangeAsync(applicationId, AssignmentRequest.Assign(Person(actor), new Assignee(request.Caseworker!, name)), actor, reason, cancellationToken);
    }

    async Task<CommandResult> ChangeAsync(string applicationId, AssignmentRequest request, Actor actor, string? reason, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            if (await assignments.GetAsync(applicationId, cancellationToken) is not AssignmentSlot slot)
            {
                return await this.MissingAsync(applicationId, cancellationToken);
            }

            if (slot.Assignment.LastChange is AssignmentChange last)
            {
                await auditLog.AppendAsync(AuditOf(applicationId, last), cancellationToken); // a no-op unless a crash cut it off
            }

            PolicyClock clock = slot.Case.Clock();
            CaseAssignment current = slot.Assignment;
            AssignmentVerdict verdict = AssignmentRules.Decide(current with { Since = current.Since is DateTimeOffset s ? clock.ToPolicy(s) : null }, request, slot.Case.IsDecided);
            switch (verdict.Outcome)
            {
                case AssignmentOutcome.Repeated:
                    return new CommandResult(CommandStatus.AlreadyDone, Body: Answer(applicationId, current, clock, repeated: true, eventCode: null));
                case AssignmentOutcome.Conflict:
                    return CommandResult.Conflict(verdict.Reason!);
                case AssignmentOutcome.Forbidden:
                    // The endpoints' policies admit only managers to assign: reaching this is a wiring error, not input.
                    throw new InvalidOperationException(verdict.Reason);
            }

            DateTimeOffset now = time.GetUtcNow();
            int version = current.Version + 1;
            string? reasonRecord = null;
            if (reason is not null)
            {
                // Kept before the change is written, under a name of its own: a change that loses a race leaves an
                // unreferenced record, never a reason under another change's number.
                reasonRecord = string.Create(CultureInfo.InvariantCulture, $"assignments/{version:D6}-{Guid.NewGuid():N}.json");
                await dossiers.SaveRecordAsync(applicationId, reasonRecord, new AssignmentReasonRecord(reason, actor.Subject, now), cancellationToken);
            }

            var change = new AssignmentChange(version, verdict.Event!, now, actor.Role, request.By, current.Assignee, verdict.Next, reasonRecord);
            var next = new CaseAssignment(verdict.Next, verdict.Next is null ? null : now, version, change);
            if (!await assignments.TryChangeAsync(slot, next, cancellationToken))
            {
                if (attempt < Attempts)
                {
                    continue; // changed since we read it (another claim, the workflow): read and decide again
                }

                return CommandResult.Conflict("The application changed while this request was handled. Send it again.");
            }

            await auditLog.AppendAsync(AuditOf(applicationId, change), cancellationToken);
            if (verdict.Next is Assignee assignee)
            {
                await assignments.NoteCaseworkerAsync(assignee, cancellationToken);
            }

            return CommandResult.Accepted(Answer(applicationId, next, clock, repeated: false, change.Event));
        }
    }

    /// <summary>No case index row: an unknown application (404), or one whose workflow has not recorded its case yet (409, Retry-After).</summary>
    async Task<CommandResult> MissingAsync(string applicationId, CancellationToken cancellationToken) =>
        await submissions.GetAsync(applicationId, cancellationToken) is null
            ? CommandResult.NotFound(applicationId)
            : new CommandResult(CommandStatus.Registering, $"Application {applicationId} was received a moment ago and is not on record yet. Send the request again after the Retry-After interval.");

    /// <summary>The audit row of a change: keyed by its number (written once however often), with who made it.</summary>
    public static AuditEntry AuditOf(string applicationId, AssignmentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                details[key] = value;
            }
        }

        Add("assignee", change.To?.Subject);
        Add("assigneeName", change.To?.Name);
        Add("previous", change.From?.Subject);
        Add("previousName", change.From?.Name);
        Add("reasonRecord", change.ReasonRecord);
        return new AuditEntry(
            applicationId,
            string.Create(CultureInfo.InvariantCulture, $"assignment-{change.Version:D6}"),
            change.At,
            change.Event,
            change.ByRole,
            details,
            change.By.Subject,
            change.By.Name);
    }

    static AssignmentAnswer Answer(string applicationId, CaseAssignment assignment, PolicyClock clock, bool repeated, string? eventCode) => new(
        applicationId,
        assignment.Assignee,
        assignment.Since is DateTimeOffset since ? clock.ToPolicy(since) : null,
        repeated,
        eventCode,
        AssignmentAnswer.UrlOf(applicationId));

    static Assignee Person(Actor actor) => new(actor.Subject, actor.Name);
}
