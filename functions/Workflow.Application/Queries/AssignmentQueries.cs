using Workflow.Application.Assignments;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Queries;

/// <summary>Reads about assignments: one application's assignee and its changes, and the caseworkers with their load.</summary>
public sealed class AssignmentQueries(ICaseAssignments assignments, ISubmissionLedger submissions, IAuditLog auditLog, IDossierStore dossiers)
{
    /// <summary>The assignment and its history; null for an unknown application.</summary>
    public async Task<AssignmentView?> GetAsync(string applicationId, CancellationToken cancellationToken)
    {
        if (await assignments.GetAsync(applicationId, cancellationToken) is not AssignmentSlot slot)
        {
            // Received a moment ago, its case not recorded yet: nobody can have claimed it.
            return await submissions.GetAsync(applicationId, cancellationToken) is null ? null : new AssignmentView(applicationId, null, null, []);
        }

        PolicyClock clock = slot.Case.Clock();
        var history = new List<AssignmentHistoryItem>();
        foreach (AuditEntry entry in await auditLog.ListAsync(applicationId, cancellationToken))
        {
            if (!AssignmentEvents.All.Contains(entry.Event))
            {
                continue;
            }

            string? reason = entry.Details.TryGetValue("reasonRecord", out string? record)
                ? (await dossiers.GetRecordAsync<AssignmentReasonRecord>(applicationId, record, cancellationToken))?.Reason
                : null;
            history.Add(new AssignmentHistoryItem(
                clock.ToPolicy(entry.At),
                entry.Event,
                entry.Actor,
                entry.BySubject,
                entry.ByName,
                PersonIn(entry.Details, "assignee"),
                PersonIn(entry.Details, "previous"),
                reason));
        }

        CaseAssignment current = slot.Assignment;
        return new AssignmentView(applicationId, current.Assignee, current.Since is DateTimeOffset since ? clock.ToPolicy(since) : null, history);
    }

    /// <summary>
    /// Everyone known to work on applications with the size of their open worklist. Costs one read of the small
    /// caseworkers table and one scan of the open worklist (one column of each row; thousands of rows for a region).
    /// </summary>
    public async Task<CaseworkerList> CaseworkersAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Assignee> known = await assignments.ListCaseworkersAsync(cancellationToken);
        WorklistLoad load = await assignments.CountWorklistAsync(cancellationToken);
        var people = known.ToDictionary(a => a.Subject, a => new CaseworkerView(a.Subject, a.Name, 0), StringComparer.Ordinal);
        foreach (AssigneeLoad held in load.Assigned)
        {
            // An assignee missing from the table (a crash between the change and its note) still counts.
            people[held.Assignee.Subject] = people.TryGetValue(held.Assignee.Subject, out CaseworkerView? person)
                ? person with { Name = person.Name ?? held.Assignee.Name, OpenWorklist = held.Open }
                : new CaseworkerView(held.Assignee.Subject, held.Assignee.Name, held.Open);
        }

        return new CaseworkerList(
            [.. people.Values.OrderBy(p => p.Name ?? p.Subject, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Subject, StringComparer.Ordinal)],
            load.Unassigned);
    }

    static Assignee? PersonIn(IReadOnlyDictionary<string, string> details, string key) =>
        details.TryGetValue(key, out string? subject) ? new Assignee(subject, details.GetValueOrDefault(key + "Name")) : null;
}
