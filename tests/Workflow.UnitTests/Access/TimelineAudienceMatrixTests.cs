using System.Reflection;
using Workflow.Application.Assignments;
using Workflow.Application.Commands;
using Workflow.Application.Queries;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.UnitTests.Access;

/// <summary>
/// Who reads which timeline row, as a matrix (event kind × audience), written out here as the specification the code's
/// one table (<see cref="TimelineAudiences"/>) is checked against, like the access matrix of the endpoints. The applicant
/// never reads fraud signals, rule outcomes, third parties, the caseworker's verdict or the federal office's messages.
/// </summary>
public sealed class TimelineAudienceMatrixTests
{
    const string A = "applicant";
    const string S = "staff";
    const string Audit = "managers-and-inspectors";

    /// <summary>Every event kind the platform writes, and who may read it.</summary>
    static readonly Dictionary<string, string> Spec = new(StringComparer.Ordinal)
    {
        // The submission, then the workflow's steps.
        [Workflow.Application.Submissions.SubmissionService.SubmittedEvent] = A,
        [CaseEvents.Received] = A,
        [CaseEvents.SourcesGathered] = S,
        [CaseEvents.ExcludedParty] = S,
        [CaseEvents.FunctionExcluded] = S, // the verdict reaches the applicant in the letter
        [CaseEvents.CorrectnessIssues] = S,
        [CaseEvents.ItemsMissing] = A,
        [CaseEvents.DocumentsSupplied] = A,
        [CaseEvents.FeePaid] = A,
        [CaseEvents.FeeReversed] = A,
        [CaseEvents.FeeDueAgain] = A,
        [CaseEvents.CompletionDeadlinePassed] = A,
        [CaseEvents.FeeDeadlinePassed] = A,
        [CaseEvents.Admissible] = A,
        [CaseEvents.FederalHandoffSent] = S,
        [CaseEvents.AwaitingDecision] = S,
        [CaseEvents.Reassessed] = S,
        [CaseEvents.InformationRequested] = A,
        [CaseEvents.InformationSupplied] = A,
        [CaseEvents.InformationRequestExpired] = A,
        [CaseEvents.ThirdPartyRequested] = S,
        [CaseEvents.ThirdPartyAnswered] = S,
        [CaseEvents.ThirdPartyRequestExpired] = S,
        [CaseEvents.CaseworkerDecided] = S,
        [CaseEvents.AwaitingFederalDecision] = S,
        [CaseEvents.FederalAcknowledged] = S,
        [CaseEvents.FederalInformationRequested] = S,
        [CaseEvents.FederalDecided] = S,
        [CaseEvents.FederalLegCancelled] = S,
        [CaseEvents.ApplicationCorrected] = A,
        [CaseEvents.Withdrawn] = A,
        [CaseEvents.Decided] = S,
        [CaseEvents.Closed] = A,
        [CaseEvents.DuplicateIgnored] = S,
        [PublishAlertActivity.PublishedEvent] = S,

        // The commands as the API receives them.
        [CommandEvents.DocumentsReceived] = A,
        [CommandEvents.PaymentStarted] = A,
        [CommandEvents.PaymentEventReceived] = S,
        [CommandEvents.PaymentReversedAfterDecision] = A,
        [CommandEvents.InformationRequestReceived] = S,
        [CommandEvents.InformationConsentReceived] = S,
        [CommandEvents.ThirdPartyRequestReceived] = S,
        [CommandEvents.ThirdPartyAnswerReceived] = S,
        [CommandEvents.DecisionReceived] = S,
        [CommandEvents.WithdrawalReceived] = A,
        [CommandEvents.CorrectionReceived] = A,
        [CommandEvents.OneViewRead] = Audit,
        [CommandEvents.DocumentRead] = Audit,
        [CommandEvents.PersonalDataExported] = Audit,
        ["payment-succeeded"] = A,
        ["payment-failed"] = A,
        ["payment-reversed"] = A,
        ["payment-not-applied"] = A,
        ["peak-periods-declared"] = S,
        ["dossier-deleted"] = S,

        // Who works on the application: the staff's own organisation, never the applicant's business.
        [AssignmentEvents.Assigned] = S,
        [AssignmentEvents.Reassigned] = S,
        [AssignmentEvents.Released] = S,
    };

    /// <summary>The kinds of row made from a pattern: one per command kind, milestone or federal message kind.</summary>
    static IEnumerable<(string Event, string Readers)> Patterned()
    {
        foreach (string kind in CommandKindsOf())
        {
            yield return (CaseEvents.Rejected(kind), CommandKinds.ApplicantKinds.Contains(kind) && kind != CommandKinds.Payment ? A : S);
        }

        foreach (MilestoneKind milestone in Enum.GetValues<MilestoneKind>())
        {
            yield return (CaseEvents.Milestone(milestone), S);
        }

        foreach (string federal in new[] { "acknowledgement", "information-request", "decision" })
        {
            foreach (string suffix in new[] { "received", "late", "stale" })
            {
                yield return ($"federal-{federal}-{suffix}", S);
            }
        }
    }

    static IEnumerable<string> CommandKindsOf() =>
        typeof(CommandKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach ((string kind, string readers) in Spec.Select(p => (p.Key, p.Value)).Concat(Patterned()))
        {
            data.Add(kind, readers);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_kind_of_row_is_read_by_exactly_its_audiences(string eventCode, string readers)
    {
        AudienceRule rule = TimelineAudiences.For(eventCode);
        Audience[] expected = readers switch
        {
            A => [Audience.Applicant, Audience.Caseworker, Audience.Manager, Audience.Inspector],
            S => [Audience.Caseworker, Audience.Manager, Audience.Inspector],
            _ => [Audience.Manager, Audience.Inspector],
        };

        foreach (Audience reader in new[] { Audience.Applicant, Audience.Caseworker, Audience.Manager, Audience.Inspector })
        {
            Assert.True(rule.Admits(reader) == expected.Contains(reader), $"{eventCode} as {reader}: {(rule.Admits(reader) ? "shown" : "hidden")}, the matrix says {(expected.Contains(reader) ? "shown" : "hidden")}");
        }
    }

    [Fact]
    public void Every_case_event_code_is_in_the_matrix()
    {
        string[] codes = [.. typeof(CaseEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name is not (nameof(CaseEvents.RejectedSuffix) or nameof(CaseEvents.MilestonePrefix)))
            .Select(f => (string)f.GetRawConstantValue()!)];
        Assert.All(codes, code => Assert.True(Spec.ContainsKey(code), $"{code} is not in the audience matrix"));
        string[] commandCodes = [.. typeof(CommandEvents).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
        Assert.All(commandCodes, code => Assert.True(Spec.ContainsKey(code), $"{code} is not in the audience matrix"));
        Assert.All(AssignmentEvents.All, code => Assert.True(Spec.ContainsKey(code), $"{code} is not in the audience matrix"));
    }

    [Fact]
    public void A_row_of_a_kind_nobody_listed_is_for_staff_only()
    {
        AudienceRule rule = TimelineAudiences.For("a-kind-added-later");
        Assert.False(rule.Admits(Audience.Applicant));
        Assert.True(rule.Admits(Audience.Caseworker));
    }

    [Fact]
    public void The_applicant_sees_only_the_listed_details_of_a_row_and_never_who_did_it()
    {
        var entry = new AuditEntry(
            "wp-x", "k", DateTimeOffset.UnixEpoch, CaseEvents.ItemsMissing, "system",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["items"] = "fee", ["signals"] = "economic-hub" },
            "sub-1",
            "Ann Peeters");

        AuditEntry shown = TimelineAudiences.Visible(entry, Audience.Applicant)!;

        Assert.Equal(["items"], shown.Details.Keys);
        Assert.Null(shown.BySubject);
        Assert.Null(shown.ByName);
        Assert.Same(entry, TimelineAudiences.Visible(entry, Audience.Caseworker));
        Assert.Null(TimelineAudiences.Visible(entry with { Event = CaseEvents.AwaitingDecision }, Audience.Applicant));
    }
}
