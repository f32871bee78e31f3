using System.Collections.Concurrent;
using System.Globalization;
using Workflow.Application.Assignments;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Ports;

namespace Workflow.Functions.Tests.Support;

/// <summary>Assignments in memory beside the in-memory case index: a change is written only if nothing changed since its read.</summary>
internal sealed class InMemoryCaseAssignments(ICaseIndex caseIndex) : ICaseAssignments
{
    readonly ConcurrentDictionary<string, (CaseAssignment Assignment, int Token)> assignments = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, Assignee> people = new(StringComparer.Ordinal);
    readonly Lock writes = new();

    public async Task<AssignmentSlot?> GetAsync(string applicationId, CancellationToken cancellationToken)
    {
        if (await caseIndex.GetAsync(applicationId, cancellationToken) is not PermitCase state)
        {
            return null;
        }

        (CaseAssignment assignment, int token) = this.Stored(applicationId);
        return new AssignmentSlot(state, assignment, token.ToString(CultureInfo.InvariantCulture));
    }

    public Task<bool> TryChangeAsync(AssignmentSlot read, CaseAssignment changed, CancellationToken cancellationToken)
    {
        int token = int.Parse(read.Token, CultureInfo.InvariantCulture);
        string id = read.Case.ApplicationId;
        lock (this.writes)
        {
            if (this.Stored(id).Token != token)
            {
                return Task.FromResult(false);
            }

            this.assignments[id] = (changed, token + 1);
            return Task.FromResult(true);
        }
    }

    public Task NoteCaseworkerAsync(Assignee assignee, CancellationToken cancellationToken)
    {
        this.people.AddOrUpdate(assignee.Subject, assignee, (_, known) => assignee with { Name = assignee.Name ?? known.Name });
        return Task.CompletedTask;
    }

    public Task<Assignee?> FindCaseworkerAsync(string subject, CancellationToken cancellationToken) =>
        Task.FromResult(this.people.TryGetValue(subject, out Assignee? known) ? known : null);

    public Task<IReadOnlyList<Assignee>> ListCaseworkersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Assignee>>([.. this.people.Values]);

    public async Task<AssignedWorklistPage> ListWorklistAsync(WorklistView view, string? subject, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        IEnumerable<AssignedCase> open = await this.OpenAsync(cancellationToken);
        return new AssignedWorklistPage(
            [.. open.Where(c => view switch
            {
                WorklistView.Mine => c.Assignment.Assignee?.Subject == subject,
                WorklistView.Unassigned => c.Assignment.Assignee is null,
                _ => true,
            }).Take(pageSize)],
            null);
    }

    public async Task<WorklistLoad> CountWorklistAsync(CancellationToken cancellationToken)
    {
        AssignedCase[] open = [.. await this.OpenAsync(cancellationToken)];
        return new WorklistLoad(
            [.. open.Where(c => c.Assignment.Assignee is not null).GroupBy(c => c.Assignment.Assignee!.Subject).Select(g => new AssigneeLoad(g.First().Assignment.Assignee!, g.Count()))],
            open.Count(c => c.Assignment.Assignee is null));
    }

    async Task<IEnumerable<AssignedCase>> OpenAsync(CancellationToken cancellationToken) =>
        (await caseIndex.ListWorklistAsync(int.MaxValue, null, cancellationToken)).Cases
            .Select(c => new AssignedCase(c, this.Stored(c.ApplicationId).Assignment));

    (CaseAssignment Assignment, int Token) Stored(string applicationId) =>
        this.assignments.TryGetValue(applicationId, out var stored) ? stored : (CaseAssignment.None, 0);
}
