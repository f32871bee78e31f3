using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Application.Submissions;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.UnitTests.Submissions;

/// <summary>
/// The terms fixed when a submission is reserved (peak period, function exclusion) are the ones the status shows before
/// the workflow records anything, and the ones the workflow runs under: the first answer is never corrected later.
/// </summary>
public sealed class SubmissionTermsTests
{
    static readonly DateTimeOffset Submitted = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static SubmissionRecord Record(PermitCategory category, bool peak = false, bool functionExcluded = false, long? feeCents = 20_000) =>
        new("app-1", "0412345614", "S-1", "hash", category, Submitted, feeCents, feeCents is null ? null : "EUR", Scheduled: true, Submitted, peak, functionExcluded);

    [Fact]
    public void A_standard_file_submitted_in_a_peak_period_shows_45_days_before_its_workflow_records_anything()
    {
        PermitCase state = CommandGate.AsSubmitted(Record(PermitCategory.Other, peak: true), PolicyCatalog.Embedded, TimeSpan.FromDays(1));

        Assert.Equal((45, true), (state.Sla.Terms.DueDays, state.Sla.Terms.InPeakPeriod));
        Assert.Equal(Submitted.AddDays(45), state.SlaClock().DueAsOf(Submitted));
    }

    [Fact]
    public void The_workflow_runs_under_the_terms_the_status_showed()
    {
        SubmissionRecord record = Record(PermitCategory.Other, peak: true);

        PermitTerms terms = SubmissionService.TermsOf(record, PolicyCatalog.Embedded);

        SlaTerms shown = CommandGate.AsSubmitted(record, PolicyCatalog.Embedded, TimeSpan.FromDays(1)).Terms.Sla;
        Assert.Equal((shown.Track, shown.DueDays, shown.InPeakPeriod), (terms.Sla.Track, terms.Sla.DueDays, terms.Sla.InPeakPeriod));
        Assert.Equal(shown.Milestones, terms.Sla.Milestones);
        Assert.Equal(45, terms.Sla.DueDays);
    }

    [Fact]
    public void An_excluded_function_owes_no_fee_from_the_first_answer_and_says_why()
    {
        SubmissionRecord record = Record(PermitCategory.Other, functionExcluded: true, feeCents: null);

        PermitCase state = CommandGate.AsSubmitted(record, PolicyCatalog.Embedded, TimeSpan.FromDays(1));

        Assert.Equal(FeeStatus.NotDue, state.Fee);
        Assert.Equal(NoFeeReason.FunctionExcluded, SubmissionService.TermsOf(record, PolicyCatalog.Embedded).Admissibility.NoFee);
        Assert.Contains("excluded from the category 'other' (§2.3)", PermitCaseModel.NoFeeExplanation(state), StringComparison.Ordinal);
    }
}
