using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Domain;

namespace Workflow.UnitTests.Access;

/// <summary>Who acts for which applicant under a policy, and the policy table's own consistency.</summary>
public sealed class ApplicantScopeTests
{
    static ClaimsPrincipal User(string[] roles, params string[] applicants) =>
        new(new ClaimsIdentity(
            [.. roles.Select(r => new Claim(PermitClaims.Role, r)), .. applicants.Select(a => new Claim(PermitClaims.Applicant, a))],
            authenticationType: "test",
            PermitClaims.Subject,
            PermitClaims.Role));

    [Fact]
    public void A_staff_role_the_policy_admits_acts_for_every_applicant()
    {
        ApplicantScope scope = ApplicantScope.Of(User([Roles.Caseworker]), AccessPolicies.ApplicationReaders);
        Assert.True(scope.IsAny);
        Assert.True(scope.Allows("0412345614"));
    }

    [Fact]
    public void An_employer_acts_for_its_applicant_claims_only_in_their_canonical_form()
    {
        ApplicantScope scope = ApplicantScope.Of(User([Roles.Employer], "BE 0412.345.614", "self:SE-1", "0412345615"), AccessPolicies.ApplicationReaders);
        Assert.False(scope.IsAny);
        Assert.True(scope.Allows("0412345614"));
        Assert.True(scope.Allows("self:SE-1"));
        Assert.False(scope.Allows("0412345615")); // invalid check digits grant nothing
        Assert.False(scope.Allows("0987654394"));
    }

    [Fact]
    public void A_staff_role_the_policy_does_not_admit_does_not_lift_the_employers_restriction()
    {
        // Employer and manager: the status is open to managers, so no restriction; payments are employers' only.
        ClaimsPrincipal both = User([Roles.Employer, Roles.Manager], "0412345614");
        Assert.True(ApplicantScope.Of(both, AccessPolicies.ApplicationReaders).IsAny);
        ApplicantScope paying = ApplicantScope.Of(both, AccessPolicies.Employers);
        Assert.False(paying.IsAny);
        Assert.True(paying.Allows("0412345614"));
    }

    [Fact]
    public void No_identity_an_employer_without_applicant_or_a_role_outside_the_policy_acts_for_nobody()
    {
        Assert.True(ApplicantScope.Of(new ClaimsPrincipal(new ClaimsIdentity()), AccessPolicies.ApplicationReaders).IsNone);
        Assert.True(ApplicantScope.Of(User([Roles.Employer]), AccessPolicies.Employers).IsNone);
        Assert.True(ApplicantScope.Of(User([Roles.Employer], "not-a-kbo"), AccessPolicies.Employers).IsNone);
        Assert.True(ApplicantScope.Of(User([Roles.Employer], "0412345614"), AccessPolicies.CaseReaders).IsNone);
        Assert.True(ApplicantScope.Of(User([Roles.Public]), AccessPolicies.ApplicationReaders).IsNone);
        Assert.True(ApplicantScope.Of(User([Roles.Caseworker]), "no-such-policy").IsNone);
    }

    [Theory]
    [InlineData("0412345614", "0412345614")]
    [InlineData("BE0412.345.614", "0412345614")]
    [InlineData("self:SE-2026-0042", "self:SE-2026-0042")]
    [InlineData("self:", null)]
    [InlineData("0412345615", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Applicant_claims_are_read_as_the_ledgers_applicant_keys(string? claim, string? key) =>
        Assert.Equal(key, ApplicantScope.Canonical(claim));

    [Fact]
    public async Task The_ownership_check_reads_the_ledger_only_for_employers()
    {
        string id = ApplicationIds.Derive("0412345614", "S-1");
        var ledger = new OneSubmission(id, "0412345614");
        using var owners = new ApplicationOwners();
        var access = new ApplicantAccess(ledger, owners);

        Assert.True(await access.MayAccessAsync(User([Roles.Caseworker]), AccessPolicies.ApplicationReaders, id, CancellationToken.None));
        Assert.Equal(0, ledger.Reads);
        Assert.True(await access.MayAccessAsync(User([Roles.Employer], "0412345614"), AccessPolicies.Employers, id, CancellationToken.None));
        Assert.False(await access.MayAccessAsync(User([Roles.Employer], "0987654394"), AccessPolicies.Employers, id, CancellationToken.None));
        Assert.False(await access.MayAccessAsync(User([Roles.Employer], "0412345614"), AccessPolicies.Employers, ApplicationIds.Derive("0412345614", "S-2"), CancellationToken.None));
    }

    [Fact]
    public async Task An_applications_owner_is_read_once_and_an_unknown_id_every_time()
    {
        string id = ApplicationIds.Derive("0412345614", "S-1");
        string unknown = ApplicationIds.Derive("0412345614", "S-2");
        var ledger = new OneSubmission(id, "0412345614");
        using var owners = new ApplicationOwners();
        var access = new ApplicantAccess(ledger, owners);
        ClaimsPrincipal owner = User([Roles.Employer], "0412345614");
        ClaimsPrincipal other = User([Roles.Employer], "0987654394");

        Assert.True(await access.MayAccessAsync(owner, AccessPolicies.Employers, id, CancellationToken.None));
        Assert.True(await access.MayAccessAsync(owner, AccessPolicies.Employers, id, CancellationToken.None));
        Assert.False(await access.MayAccessAsync(other, AccessPolicies.Employers, id, CancellationToken.None)); // remembered, still checked
        Assert.Equal(1, ledger.Reads);

        Assert.False(await access.MayAccessAsync(owner, AccessPolicies.Employers, unknown, CancellationToken.None));
        Assert.False(await access.MayAccessAsync(owner, AccessPolicies.Employers, unknown, CancellationToken.None));
        Assert.Equal(3, ledger.Reads); // an id the ledger does not hold is not remembered: it may be submitted later
    }

    [Fact]
    public void The_owners_remembered_are_bounded()
    {
        using var owners = new ApplicationOwners();
        for (int i = 0; i < ApplicationOwners.Capacity + 500; i++)
        {
            owners.Remember($"wp-{i}", "0412345614");
        }

        int remembered = Enumerable.Range(0, ApplicationOwners.Capacity + 500).Count(i => owners.Recall($"wp-{i}") is not null);
        Assert.InRange(remembered, ApplicationOwners.Capacity / 2, ApplicationOwners.Capacity);
    }

    [Fact]
    public void Every_policy_is_registered_and_names_known_roles_and_the_public_has_none_yet()
    {
        using ServiceProvider services = new ServiceCollection().AddLogging().AddAuthorization(AccessPolicies.Register).BuildServiceProvider();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;
        foreach ((string policy, IReadOnlyList<string> roles) in AccessPolicies.RolesOf)
        {
            Assert.NotNull(options.GetPolicy(policy));
            Assert.All(roles, role => Assert.True(Roles.IsKnown(role), role));
            Assert.DoesNotContain(Roles.Public, roles);
        }
    }

    sealed class OneSubmission(string applicationId, string applicantKey) : ISubmissionLedger
    {
        public int Reads { get; private set; }

        public Task<SubmissionRecord?> GetAsync(string id, CancellationToken cancellationToken)
        {
            this.Reads++;
            return Task.FromResult(id == applicationId
                ? new SubmissionRecord(id, applicantKey, "S-1", "hash", PermitCategory.WorkCard, DateTimeOffset.UnixEpoch, null, null, true, DateTimeOffset.UnixEpoch)
                : null);
        }

        public Task<(ReservationOutcome Outcome, SubmissionRecord Record)> TryReserveAsync(SubmissionRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryTakeOverAsync(SubmissionRecord seen, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MarkScheduledAsync(string applicationId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
