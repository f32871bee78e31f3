using System.Globalization;

namespace Workflow.Application.Assignments;

/// <summary>
/// Who may do what to an application's assignment, given who holds it now, as a pure function. A caseworker (or a
/// manager, for themselves) claims an unassigned application; claiming one's own again changes nothing; claiming one
/// someone else holds is refused with who holds it since when (a manager reassigns). The assignee or a manager
/// releases it; a caseworker cannot release someone else's (409: the state, not the role, is in the way: once the
/// holder or a manager releases it, the same caseworker may claim it). Only managers assign to others. A decided
/// application (its caseworker decision taken, or closed) is neither claimed nor assigned; it can still be released.
/// Persons are the same when their token subjects are (display names change).
/// </summary>
public static class AssignmentRules
{
    /// <param name="current">The assignment as it stands; its <see cref="CaseAssignment.Since"/> as the API shows times (the case's policy clock).</param>
    /// <param name="request">The request and who makes it.</param>
    /// <param name="decided">Whether the application is decided (the caseworker decided, or it closed).</param>
    public static AssignmentVerdict Decide(CaseAssignment current, AssignmentRequest request, bool decided)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(request);
        Assignee? holder = current.Assignee;
        switch (request.Action)
        {
            case AssignmentAction.Claim:
                if (decided)
                {
                    return AssignmentVerdict.Conflict("The application is decided: it can no longer be claimed.");
                }

                return holder is null ? AssignmentVerdict.Change(request.By, AssignmentEvents.Assigned)
                    : Same(holder, request.By) ? AssignmentVerdict.Repeated
                    : AssignmentVerdict.Conflict($"The application is assigned to {Held(current)}. A manager can reassign it.");

            case AssignmentAction.Release:
                return holder is null ? AssignmentVerdict.Repeated
                    : Same(holder, request.By) || request.ByManager ? AssignmentVerdict.Change(null, AssignmentEvents.Released)
                    : AssignmentVerdict.Conflict($"The application is assigned to {Held(current)}. Only its assignee or a manager can release it.");

            case AssignmentAction.Assign:
                if (!request.ByManager)
                {
                    return AssignmentVerdict.Forbidden("Only a manager assigns applications; claim one to work on it yourself.");
                }

                Assignee to = request.To ?? throw new ArgumentException("An assignment names its assignee.", nameof(request));
                if (decided)
                {
                    return AssignmentVerdict.Conflict("The application is decided: it can no longer be assigned.");
                }

                return holder is null ? AssignmentVerdict.Change(to, AssignmentEvents.Assigned)
                    : Same(holder, to) ? AssignmentVerdict.Repeated
                    : AssignmentVerdict.Change(to, AssignmentEvents.Reassigned);

            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Action, "Not an assignment action.");
        }
    }

    static bool Same(Assignee a, Assignee b) => string.Equals(a.Subject, b.Subject, StringComparison.Ordinal);

    static string Held(CaseAssignment current) => current.Since is DateTimeOffset since
        ? string.Create(CultureInfo.InvariantCulture, $"{current.Assignee} since {since:yyyy-MM-dd HH:mm} UTC")
        : $"{current.Assignee}";
}
