using Microsoft.Extensions.Options;
using Workflow.Application;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Application.Submissions;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Register;
using Workflow.UnitTests.Support;

namespace Workflow.UnitTests.Submissions;

/// <summary>
/// Whether a submission may renew the authorisation it names, and the claim that keeps it to one renewal at a time:
/// another applicant's authorisation answers as an unknown one; another worker or category is not renewable; an
/// expired (on the grant's own policy clock) or withdrawn one, or one another application renews or renewed, is a
/// conflict; a stale claim is taken over.
/// </summary>
public class RenewalCheckTests
{
    static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    static readonly string GrantId = ApplicationIds.Derive(Samples.Kbo, "grant");

    static readonly string RenewalId = ApplicationIds.Derive(Samples.Kbo, "renewal");

    static readonly string OtherId = ApplicationIds.Derive(Samples.Kbo, "other-renewal");

    readonly RenewalWorld world = new();

    public RenewalCheckTests()
    {
        this.world.Grants[GrantId] = new Authorisation(
            GrantId, Samples.Kbo, Worker(Samples.Insz), PermitCategory.HighlySkilled, new DateOnly(2026, 3, 2), new DateOnly(2029, 3, 1), AuthorisationState.Granted, "validity-highly-skilled-2025-05");
        this.world.Submissions[GrantId] = Submission(GrantId, Samples.Kbo, new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero));
        this.world.Cases[GrantId] = Closed(this.world.Submissions[GrantId], Outcome.Granted);
    }

    [Fact]
    public async Task The_employer_s_own_grant_for_the_same_worker_is_renewable_and_claimed_once()
    {
        RenewalClaim claim = await this.ClaimAsync(Renewal());

        Assert.Equal((RenewalVerdict.Allowed, null, true), (claim.Verdict, claim.Reason, claim.MadeNow));
        Assert.Equal(new AuthorisationRenewal(GrantId, RenewalId, RenewalState.Pending, Now), this.world.Renewals[GrantId]);

        RenewalClaim again = await this.ClaimAsync(Renewal(), at: Now.AddMinutes(1)); // the same application's retry
        Assert.Equal((RenewalVerdict.Allowed, false), (again.Verdict, again.MadeNow));
        Assert.Equal(Now, this.world.Renewals[GrantId].ClaimedAt);
    }

    [Fact]
    public async Task Another_applicant_s_authorisation_is_answered_as_an_unknown_one()
    {
        string unknown = ApplicationIds.Derive(Samples.Kbo, "never-granted");
        RenewalClaim ofUnknown = await this.ClaimAsync(Renewal(renews: unknown));

        // The grant's submission was another applicant's; or the register names another employer.
        this.world.Submissions[GrantId] = this.world.Submissions[GrantId] with { ApplicantKey = "0476543281" };
        RenewalClaim ofAnothers = await this.ClaimAsync(Renewal());
        this.world.Submissions[GrantId] = this.world.Submissions[GrantId] with { ApplicantKey = Samples.Kbo };
        this.world.Grants[GrantId] = this.world.Grants[GrantId] with { Employer = "0476543281" };
        RenewalClaim ofAnotherEmployer = await this.ClaimAsync(Renewal());

        Assert.Equal(RenewalVerdict.NotRenewable, ofUnknown.Verdict);
        Assert.StartsWith($"You hold no authorisation under application {unknown} in the register", ofUnknown.Reason, StringComparison.Ordinal);
        foreach (RenewalClaim refused in new[] { ofAnothers, ofAnotherEmployer })
        {
            Assert.Equal(ofUnknown with { Reason = ofUnknown.Reason!.Replace(unknown, GrantId, StringComparison.Ordinal) }, refused);
        }

        Assert.Empty(this.world.Renewals);
    }

    [Fact]
    public async Task Another_category_or_another_worker_is_not_renewable()
    {
        RenewalClaim category = await this.ClaimAsync(Renewal(category: PermitCategory.MediumSkilledShortage));
        RenewalClaim worker = await this.ClaimAsync(Renewal(worker: Samples.WorkerWithInsz("94061212378")));
        RenewalClaim withoutNumber = await this.ClaimAsync(Renewal(worker: Samples.Worker()));

        Assert.Equal(RenewalVerdict.NotRenewable, category.Verdict);
        Assert.Contains("is for the category highly-skilled: a renewal asks for the same category", category.Reason, StringComparison.Ordinal);
        Assert.Equal(RenewalVerdict.NotRenewable, worker.Verdict);
        Assert.Contains("was granted for another worker", worker.Reason, StringComparison.Ordinal);
        Assert.Contains("give the worker's number (worker.insz or worker.bis)", withoutNumber.Reason, StringComparison.Ordinal);
        Assert.Empty(this.world.Renewals);
    }

    [Fact]
    public async Task A_grant_to_a_worker_without_a_number_is_renewed_for_the_same_passport()
    {
        this.world.Grants[GrantId] = this.world.Grants[GrantId] with { WorkerReference = null };
        this.world.Dossiers[GrantId] = Samples.Dossier(PermitCategory.HighlySkilled); // passport P1234567, IND

        RenewalClaim otherPassport = await this.ClaimAsync(Renewal(worker: Samples.Worker() with { PassportNumber = "P7654321" }));
        RenewalClaim samePassport = await this.ClaimAsync(Renewal(worker: Samples.Worker()));

        Assert.Equal(RenewalVerdict.NotRenewable, otherPassport.Verdict);
        Assert.Contains("give the same passport number and nationality", otherPassport.Reason, StringComparison.Ordinal);
        Assert.Equal(RenewalVerdict.Allowed, samePassport.Verdict);
    }

    [Theory]
    [InlineData("2026-05-31", RenewalVerdict.Conflict)]
    [InlineData("2026-06-01", RenewalVerdict.Allowed)] // still valid on its last day
    public async Task An_authorisation_is_renewed_while_it_is_valid(string validUntil, RenewalVerdict expected)
    {
        this.world.Grants[GrantId] = this.world.Grants[GrantId] with { ValidUntil = DateOnly.Parse(validUntil, System.Globalization.CultureInfo.InvariantCulture) };

        RenewalClaim claim = await this.ClaimAsync(Renewal());

        Assert.Equal(expected, claim.Verdict);
        if (expected == RenewalVerdict.Conflict)
        {
            Assert.Equal($"The authorisation of application {GrantId} expired: it was valid until 2026-05-31, and a renewal is submitted while it is still valid. Submit a new application without renews.", claim.Reason);
            Assert.Empty(this.world.Renewals);
        }
    }

    [Fact]
    public async Task Expiry_is_read_on_the_grant_s_own_policy_clock()
    {
        // Submitted ten real days ago at an hour per policy day: 240 policy days on, its 2026-09-30 has passed.
        PermitCase compressed = this.world.Cases[GrantId] with { SubmittedAt = Now.AddDays(-10), PolicyDayLength = TimeSpan.FromHours(1) };
        this.world.Cases[GrantId] = compressed;
        this.world.Grants[GrantId] = this.world.Grants[GrantId] with { ValidUntil = new DateOnly(2026, 9, 30) };

        RenewalClaim claim = await this.ClaimAsync(Renewal());

        Assert.Equal(RenewalVerdict.Conflict, claim.Verdict);
        Assert.Contains("expired: it was valid until 2026-09-30", claim.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authorisation_under_a_withdrawal_procedure_is_not_renewed_until_it_is_kept()
    {
        this.world.Grants[GrantId] = this.world.Grants[GrantId] with { WithdrawalId = "wd-0123456789abcdef01234567" };

        RenewalClaim claim = await this.ClaimAsync(Renewal());

        Assert.Equal(RenewalVerdict.Conflict, claim.Verdict);
        Assert.Contains($"The authorisation of application {GrantId} is under a withdrawal procedure", claim.Reason, StringComparison.Ordinal);

        this.world.Grants[GrantId] = this.world.Grants[GrantId] with { WithdrawalId = null }; // kept: the mark is lifted
        Assert.Equal(RenewalVerdict.Allowed, (await this.ClaimAsync(Renewal())).Verdict);
    }

    [Fact]
    public async Task A_withdrawn_authorisation_is_not_renewed()
    {
        this.world.Grants[GrantId] = this.world.Grants[GrantId] with { State = AuthorisationState.Withdrawn };

        RenewalClaim claim = await this.ClaimAsync(Renewal());

        Assert.Equal(RenewalVerdict.Conflict, claim.Verdict);
        Assert.Contains($"The authorisation of application {GrantId} is withdrawn", claim.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_renewal_at_a_time_and_once_for_good()
    {
        this.world.Renewals[GrantId] = new AuthorisationRenewal(GrantId, OtherId, RenewalState.Pending, Now.AddDays(-3));
        this.world.Cases[OtherId] = Open(Submission(OtherId, Samples.Kbo, Now.AddDays(-3)));
        RenewalClaim open = await this.ClaimAsync(Renewal());
        Assert.Equal(RenewalVerdict.Conflict, open.Verdict);
        Assert.Contains($"is being renewed by application {OtherId}, still open", open.Reason, StringComparison.Ordinal);

        // Granted, but its own completion of the claim was cut short: completed now, and refused as renewed.
        this.world.Cases[OtherId] = Closed(Submission(OtherId, Samples.Kbo, Now.AddDays(-3)), Outcome.Granted);
        RenewalClaim renewed = await this.ClaimAsync(Renewal());
        Assert.Equal(RenewalVerdict.Conflict, renewed.Verdict);
        Assert.Contains($"was renewed by application {OtherId}: renew that authorisation instead (renews: {OtherId})", renewed.Reason, StringComparison.Ordinal);
        Assert.Equal(RenewalState.Renewed, this.world.Renewals[GrantId].State);

        this.world.Cases[OtherId] = Closed(Submission(OtherId, Samples.Kbo, Now.AddDays(-3)), Outcome.Refused); // renewed stays renewed
        Assert.Equal(RenewalVerdict.Conflict, (await this.ClaimAsync(Renewal())).Verdict);
    }

    [Fact]
    public async Task A_claim_whose_application_closed_without_a_grant_is_taken_over()
    {
        this.world.Renewals[GrantId] = new AuthorisationRenewal(GrantId, OtherId, RenewalState.Pending, Now.AddDays(-3));
        this.world.Cases[OtherId] = Closed(Submission(OtherId, Samples.Kbo, Now.AddDays(-3)), Outcome.Withdrawn);

        RenewalClaim claim = await this.ClaimAsync(Renewal());

        Assert.Equal((RenewalVerdict.Allowed, true), (claim.Verdict, claim.MadeNow));
        Assert.Equal(RenewalId, this.world.Renewals[GrantId].RenewingApplicationId);
    }

    [Theory]
    [InlineData(10, null, RenewalVerdict.Conflict, "still open")] // may still be reserving
    [InlineData(31, null, RenewalVerdict.Allowed, null)] // its submission was never reserved
    [InlineData(10, false, RenewalVerdict.Conflict, "still open")] // may still be registering
    [InlineData(31, false, RenewalVerdict.Conflict, "whose submission was not finished: send that submission again")] // its retry finishes it
    [InlineData(31, true, RenewalVerdict.Conflict, "still open")] // registered: its workflow records it
    public async Task A_claim_of_a_submission_never_reserved_is_taken_over_once_it_is_overdue(int secondsAgo, bool? scheduled, RenewalVerdict expected, string? reason)
    {
        this.world.Renewals[GrantId] = new AuthorisationRenewal(GrantId, OtherId, RenewalState.Pending, Now.AddSeconds(-secondsAgo));
        if (scheduled is bool isScheduled)
        {
            this.world.Submissions[OtherId] = Submission(OtherId, Samples.Kbo, Now.AddSeconds(-secondsAgo)) with { Scheduled = isScheduled };
        }

        RenewalClaim claim = await this.ClaimAsync(Renewal());

        Assert.Equal(expected, claim.Verdict);
        if (reason is not null)
        {
            Assert.Contains(reason, claim.Reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(RenewalId, this.world.Renewals[GrantId].RenewingApplicationId);
        }
    }

    [Fact]
    public async Task The_registrar_continues_the_grant_and_marks_it_renewed_or_frees_it_when_the_renewal_is_not_granted()
    {
        var registrar = new AuthorisationRegistrar(this.world, this.world, this.world, PolicyCatalog.Embedded, new RecognitionRequests());
        ValidatedSubmission renewal = Renewal();
        this.world.Dossiers[RenewalId] = renewal.ToDossier(RenewalId, Now);
        this.world.Dossiers[OtherId] = renewal.ToDossier(OtherId, Now);

        // Refused: the claim is freed, and another renewal may claim it.
        Assert.Equal(RenewalVerdict.Allowed, (await this.ClaimAsync(renewal, OtherId)).Verdict);
        await registrar.RecordIfGrantedAsync(Closed(Submission(OtherId, Samples.Kbo, Now) with { Renews = GrantId }, Outcome.Refused), CancellationToken.None);
        Assert.Empty(this.world.Renewals);
        Assert.False(this.world.Grants.ContainsKey(OtherId));

        // Granted: its authorisation continues the grant's, names it, and the grant is renewed.
        Assert.Equal(RenewalVerdict.Allowed, (await this.ClaimAsync(renewal)).Verdict);
        PermitCase granted = Closed(Submission(RenewalId, Samples.Kbo, Now) with { Renews = GrantId }, Outcome.Granted) with { DecidedAt = Now.AddDays(10) };
        await registrar.RecordIfGrantedAsync(granted, CancellationToken.None);
        await registrar.RecordIfGrantedAsync(granted, CancellationToken.None); // a retried transition changes nothing

        Authorisation renewed = this.world.Grants[RenewalId];
        Assert.Equal((new DateOnly(2029, 3, 2), new DateOnly(2032, 3, 1), GrantId), (renewed.ValidFrom, renewed.ValidUntil, renewed.Renews));
        Assert.Equal(Worker(Samples.Insz), renewed.WorkerReference);
        Assert.Equal((RenewalId, RenewalState.Renewed), (this.world.Renewals[GrantId].RenewingApplicationId, this.world.Renewals[GrantId].State));
    }

    Task<RenewalClaim> ClaimAsync(ValidatedSubmission submission, string? applicationId = null, DateTimeOffset? at = null) =>
        new RenewalCheck(this.world, this.world, this.world, this.world, this.world, Options.Create(new WorkflowSettings { SubmissionTakeOverAfter = TimeSpan.FromSeconds(30) }))
            .ClaimAsync(submission, applicationId ?? RenewalId, at ?? Now, CancellationToken.None);

    static ValidatedSubmission Renewal(string? renews = null, PermitCategory category = PermitCategory.HighlySkilled, WorkerInput? worker = null)
    {
        var errors = new ValidationErrors();
        SubmitApplicationRequest request = Samples.Request(category) with { Worker = worker ?? Samples.WorkerWithInsz(), Renews = renews ?? GrantId };
        return SubmissionValidator.Validate(request, Samples.Now, errors) ?? throw new InvalidOperationException(string.Join("; ", errors.ToDictionary().Keys));
    }

    static string Worker(string insz) => "worker:" + new string([.. insz.Reverse()]);

    static SubmissionRecord Submission(string applicationId, string applicant, DateTimeOffset at) =>
        new(applicationId, applicant, applicationId, "hash", PermitCategory.HighlySkilled, at, 20000, "EUR", Scheduled: true, ReservedAt: at);

    static PermitCase Open(SubmissionRecord submission) =>
        CommandGate.AsSubmitted(submission, PolicyCatalog.Embedded, TimeSpan.FromDays(1)) with { Stage = Stage.AwaitingDecision };

    static PermitCase Closed(SubmissionRecord submission, Outcome outcome) =>
        CommandGate.AsSubmitted(submission, PolicyCatalog.Embedded, TimeSpan.FromDays(1)) with { Stage = Stage.Closed, Outcome = outcome, DecidedAt = submission.SubmittedAt.AddDays(5) };
}
