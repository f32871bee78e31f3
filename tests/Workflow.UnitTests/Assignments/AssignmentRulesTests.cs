using Workflow.Application.Assignments;

namespace Workflow.UnitTests.Assignments;

/// <summary>Who may claim, release and assign an application given who holds it: the rules as a table, then the messages.</summary>
public sealed class AssignmentRulesTests
{
    static readonly Assignee Ann = new("ann", "Ann Peeters");
    static readonly Assignee Bert = new("bert", "Bert Claes");
    static readonly Assignee Manager = new("mia", "Mia Manager");
    static readonly DateTimeOffset Since = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    static CaseAssignment HeldBy(Assignee? holder) => holder is null ? CaseAssignment.None : new CaseAssignment(holder, Since, 1, null);

    static Assignee? Person(string? name) => name switch
    {
        null => null,
        "ann" => Ann,
        "bert" => Bert,
        "mia" => Manager,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>holder, action, by, as manager, to, decided → outcome, next holder, event.</summary>
    public static TheoryData<string?, AssignmentAction, string, bool, string?, bool, AssignmentOutcome, string?, string?> Table() => new()
    {
        // Claims.
        { null, AssignmentAction.Claim, "ann", false, null, false, AssignmentOutcome.Change, "ann", AssignmentEvents.Assigned },
        { "ann", AssignmentAction.Claim, "ann", false, null, false, AssignmentOutcome.Repeated, null, null },
        { "bert", AssignmentAction.Claim, "ann", false, null, false, AssignmentOutcome.Conflict, null, null },
        { null, AssignmentAction.Claim, "mia", true, null, false, AssignmentOutcome.Change, "mia", AssignmentEvents.Assigned },
        { "bert", AssignmentAction.Claim, "mia", true, null, false, AssignmentOutcome.Conflict, null, null }, // a manager reassigns, never claims over someone
        { null, AssignmentAction.Claim, "ann", false, null, true, AssignmentOutcome.Conflict, null, null },
        { "ann", AssignmentAction.Claim, "ann", false, null, true, AssignmentOutcome.Conflict, null, null },

        // Releases.
        { null, AssignmentAction.Release, "ann", false, null, false, AssignmentOutcome.Repeated, null, null },
        { "ann", AssignmentAction.Release, "ann", false, null, false, AssignmentOutcome.Change, null, AssignmentEvents.Released },
        { "bert", AssignmentAction.Release, "ann", false, null, false, AssignmentOutcome.Conflict, null, null },
        { "bert", AssignmentAction.Release, "mia", true, null, false, AssignmentOutcome.Change, null, AssignmentEvents.Released },
        { "ann", AssignmentAction.Release, "ann", false, null, true, AssignmentOutcome.Change, null, AssignmentEvents.Released }, // decided: still released

        // A manager's assignments.
        { null, AssignmentAction.Assign, "mia", true, "ann", false, AssignmentOutcome.Change, "ann", AssignmentEvents.Assigned },
        { "ann", AssignmentAction.Assign, "mia", true, "ann", false, AssignmentOutcome.Repeated, null, null },
        { "ann", AssignmentAction.Assign, "mia", true, "bert", false, AssignmentOutcome.Change, "bert", AssignmentEvents.Reassigned },
        { "ann", AssignmentAction.Assign, "mia", true, "bert", true, AssignmentOutcome.Conflict, null, null },
        { null, AssignmentAction.Assign, "ann", false, "bert", false, AssignmentOutcome.Forbidden, null, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_request_gets_its_outcome(
        string? holder, AssignmentAction action, string by, bool asManager, string? to, bool decided, AssignmentOutcome outcome, string? next, string? eventCode)
    {
        var request = new AssignmentRequest(action, Person(by)!, asManager, Person(to));

        AssignmentVerdict verdict = AssignmentRules.Decide(HeldBy(Person(holder)), request, decided);

        Assert.Equal(outcome, verdict.Outcome);
        Assert.Equal(Person(next), verdict.Next);
        Assert.Equal(eventCode, verdict.Event);
        Assert.Equal(outcome is AssignmentOutcome.Conflict or AssignmentOutcome.Forbidden, verdict.Reason is not null);
    }

    [Fact]
    public void A_claim_on_someone_elses_application_says_who_holds_it_since_when_and_that_a_manager_can_reassign()
    {
        AssignmentVerdict verdict = AssignmentRules.Decide(HeldBy(Bert), AssignmentRequest.Claim(Ann, byManager: false), decided: false);

        Assert.Equal("The application is assigned to Bert Claes (bert) since 2026-03-02 09:30 UTC. A manager can reassign it.", verdict.Reason);
    }

    [Fact]
    public void A_caseworker_releasing_someone_elses_is_told_who_holds_it_and_who_may_release_it()
    {
        AssignmentVerdict verdict = AssignmentRules.Decide(HeldBy(Bert), AssignmentRequest.Release(Ann, byManager: false), decided: false);

        Assert.Contains("Bert Claes (bert) since 2026-03-02 09:30 UTC", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("Only its assignee or a manager", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_person_is_the_same_subject_whatever_display_name_the_token_carries()
    {
        var renamed = new Assignee("ann", "Ann Peeters-Janssens");
        Assert.Equal(AssignmentOutcome.Repeated, AssignmentRules.Decide(HeldBy(Ann), AssignmentRequest.Claim(renamed, byManager: false), decided: false).Outcome);
        Assert.Equal(AssignmentOutcome.Repeated, AssignmentRules.Decide(HeldBy(Ann), AssignmentRequest.Assign(Manager, new Assignee("ann", null)), decided: false).Outcome);
        Assert.Equal(
            AssignmentOutcome.Conflict,
            AssignmentRules.Decide(HeldBy(Ann), AssignmentRequest.Claim(new Assignee("Ann", "Ann Peeters"), byManager: false), decided: false).Outcome);
    }

    [Fact]
    public void A_decided_application_is_refused_with_the_reason()
    {
        AssignmentVerdict claim = AssignmentRules.Decide(CaseAssignment.None, AssignmentRequest.Claim(Ann, byManager: false), decided: true);
        AssignmentVerdict assign = AssignmentRules.Decide(CaseAssignment.None, AssignmentRequest.Assign(Manager, Ann), decided: true);

        Assert.Equal("The application is decided: it can no longer be claimed.", claim.Reason);
        Assert.Equal("The application is decided: it can no longer be assigned.", assign.Reason);
    }
}
