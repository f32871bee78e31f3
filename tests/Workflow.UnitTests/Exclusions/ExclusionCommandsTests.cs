using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Exclusions;
using Workflow.Application.Queries;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Ports;
using Workflow.Tests.Shared;

namespace Workflow.UnitTests.Exclusions;

/// <summary>The registry's commands over an in-memory ledger: validation, who acted, four eyes, idempotency by client id, directors by fingerprint.</summary>
public class ExclusionCommandsTests
{
    const string DirectorInsz = "71020399532";

    static readonly Actor InspectorA = new("inspector", "sub-a", "Inspector A");
    static readonly Actor ManagerB = new("manager", "sub-b", null);

    readonly InMemoryExclusionLedger ledger = new();
    readonly InMemoryExcludedPersons persons = new();
    readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    readonly HmacPartyFingerprint fingerprints = new(Options.Create(new ExclusionSettings { DirectorKey = "unit-test-director-key-of-at-least-32-bytes" }));

    ExclusionCommands Commands => new(this.ledger, this.persons, this.fingerprints, this.time);

    ExclusionQueries Queries => new(this.ledger, this.persons, this.time);

    static ExclusionRequest Employer(string id = "EXC-1", string kbo = "0200000637", string? until = "2026-12-31") =>
        new(id, ExcludedParty.Employer, kbo, new DateOnly(2026, 1, 1), until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), "illegal-employment", "SANCTION-1");

    static ExclusionRequest Director(string id = "EXC-D", string number = "71.02.03-995.32") =>
        new(id, ExcludedParty.Director, number, new DateOnly(2026, 1, 1), null, "economic-hub", "SANCTION-2");

    [Theory]
    [InlineData("employer", "0200000638", "partyReference")] // wrong check digits
    [InlineData("director", "71020399533", "partyReference")] // wrong check digits
    [InlineData("director", "<script>", "partyReference")]
    public async Task A_party_without_a_valid_number_is_refused_and_nothing_is_recorded(string party, string reference, string field)
    {
        CommandResult result = await this.Commands.ProposeAsync(
            Employer() with { Party = party == "employer" ? ExcludedParty.Employer : ExcludedParty.Director, PartyReference = reference }, InspectorA, CancellationToken.None);
        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.True(result.Errors!.ToDictionary().ContainsKey(field));
        Assert.Equal(0, this.ledger.Appended);
    }

    [Fact]
    public async Task Every_field_of_a_proposal_is_checked()
    {
        CommandResult result = await this.Commands.ProposeAsync(
            new ExclusionRequest("bad id!", null, null, new DateOnly(2026, 6, 1), new DateOnly(2026, 1, 1), "Not A Code", null), InspectorA, CancellationToken.None);
        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(
            ["decisionReference", "exclusionId", "party", "reasonCode", "until"],
            result.Errors!.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, this.ledger.Appended);
    }

    [Fact]
    public async Task A_proposal_records_its_author_and_the_same_request_again_answers_with_the_first_receipt()
    {
        CommandResult first = await this.Commands.ProposeAsync(Employer(), InspectorA, CancellationToken.None);
        Assert.Equal(CommandStatus.Accepted, first.Status);
        var receipt = (ExclusionReceipt)first.Body!;
        Assert.Equal(new ExclusionReceipt("EXC-1", null, "exclusion-proposed", InspectorA, this.time.GetUtcNow(), "/api/exclusions/EXC-1"), receipt);

        this.time.Advance(TimeSpan.FromMinutes(5));
        CommandResult again = await this.Commands.ProposeAsync(Employer(), InspectorA with { Name = "Renamed" }, CancellationToken.None);
        Assert.Equal(CommandStatus.AlreadyDone, again.Status);
        Assert.Equal(receipt, again.Body);

        CommandResult other = await this.Commands.ProposeAsync(Employer(until: null), InspectorA, CancellationToken.None);
        Assert.Equal(CommandStatus.Conflict, other.Status);
        CommandResult otherAuthor = await this.Commands.ProposeAsync(Employer(), ManagerB, CancellationToken.None);
        Assert.Equal(CommandStatus.Conflict, otherAuthor.Status);
        Assert.Equal(1, this.ledger.Appended);
    }

    [Fact]
    public async Task Four_eyes_the_author_gets_a_conflict_and_a_second_person_puts_the_exclusion_in_force()
    {
        await this.Commands.ProposeAsync(Employer(), InspectorA, CancellationToken.None);
        CommandResult own = await this.Commands.ConfirmAsync("EXC-1", InspectorA, CancellationToken.None);
        Assert.Equal(CommandStatus.Conflict, own.Status);
        Assert.Contains("Four eyes", own.Detail, StringComparison.Ordinal);
        Assert.False((await this.Queries.GetAsync("EXC-1", CancellationToken.None))!.InForce);

        CommandResult confirmed = await this.Commands.ConfirmAsync("EXC-1", ManagerB, CancellationToken.None);
        Assert.Equal(CommandStatus.Accepted, confirmed.Status);
        Assert.Equal("exclusion-confirmed", ((ExclusionReceipt)confirmed.Body!).Event);
        Assert.Equal(CommandStatus.AlreadyDone, (await this.Commands.ConfirmAsync("EXC-1", ManagerB, CancellationToken.None)).Status);

        ExclusionView view = (await this.Queries.GetAsync("EXC-1", CancellationToken.None))!;
        Assert.True(view.InForce);
        Assert.Equal("0200000637", view.PartyReference);
        Assert.Equal(["exclusion-proposed sub-a", "exclusion-confirmed sub-b"], view.History!.Select(h => $"{h.Event} {h.By.Subject}"));
        Assert.Equal(CommandStatus.NotFound, (await this.Commands.ConfirmAsync("EXC-404", ManagerB, CancellationToken.None)).Status);
        Assert.Equal(CommandStatus.NotFound, (await this.Commands.ConfirmAsync("../etc", ManagerB, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_director_is_recorded_by_the_fingerprint_of_the_number_and_the_number_only_in_the_person_store()
    {
        CommandResult result = await this.Commands.ProposeAsync(Director(), InspectorA, CancellationToken.None);
        Assert.Equal(CommandStatus.Accepted, result.Status);

        ExclusionRecord record = (await this.ledger.GetAsync("EXC-D", CancellationToken.None))!;
        Assert.Equal(PartyKeys.Director(this.fingerprints, DirectorInsz), record.Proposal.PartyKey);
        Assert.DoesNotContain("71020399532", record.Proposal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("995", record.Proposal.PartyKey, StringComparison.Ordinal);
        Assert.Equal(DirectorInsz, (await this.persons.GetAsync("EXC-D", CancellationToken.None))!.PersonNumber);

        // Written the usual ways, the same number is the same party: the same request.
        Assert.Equal(CommandStatus.AlreadyDone, (await this.Commands.ProposeAsync(Director(number: DirectorInsz), InspectorA, CancellationToken.None)).Status);
        Assert.Equal(DirectorInsz, (await this.Queries.GetAsync("EXC-D", CancellationToken.None))!.PartyReference);
    }

    [Fact]
    public async Task A_lift_and_a_correction_are_proposals_that_a_second_person_confirms()
    {
        await this.Commands.ProposeAsync(Employer(), InspectorA, CancellationToken.None);
        await this.Commands.ConfirmAsync("EXC-1", ManagerB, CancellationToken.None);

        this.time.Advance(TimeSpan.FromHours(1));
        var correction = new ExclusionCorrectionRequest("CORR-1", new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 30), "illegal-employment", "SANCTION-1");
        Assert.Equal(CommandStatus.Accepted, (await this.Commands.CorrectAsync("EXC-1", correction, ManagerB, CancellationToken.None)).Status);
        Assert.Equal(CommandStatus.AlreadyDone, (await this.Commands.CorrectAsync("EXC-1", correction, ManagerB, CancellationToken.None)).Status);
        Assert.Equal(CommandStatus.Conflict, (await this.Commands.CorrectAsync("EXC-1", correction with { Until = null }, ManagerB, CancellationToken.None)).Status);
        Assert.Equal(CommandStatus.Conflict, (await this.Commands.ConfirmChangeAsync("EXC-1", "CORR-1", ManagerB, CancellationToken.None)).Status);
        Assert.Equal(["CORR-1"], (await this.Queries.GetAsync("EXC-1", CancellationToken.None))!.PendingChanges);
        Assert.Equal(CommandStatus.Accepted, (await this.Commands.ConfirmChangeAsync("EXC-1", "CORR-1", InspectorA, CancellationToken.None)).Status);
        Assert.Equal(new DateOnly(2027, 6, 30), (await this.Queries.GetAsync("EXC-1", CancellationToken.None))!.Terms.Until);

        this.time.Advance(TimeSpan.FromHours(1));
        var lift = new ExclusionLiftRequest("LIFT-1", "annulled-on-appeal", "APPEAL-1");
        Assert.Equal(CommandStatus.Accepted, (await this.Commands.LiftAsync("EXC-1", lift, InspectorA, CancellationToken.None)).Status);
        Assert.True((await this.Queries.GetAsync("EXC-1", CancellationToken.None))!.InForce);
        Assert.Equal(CommandStatus.Accepted, (await this.Commands.ConfirmChangeAsync("EXC-1", "LIFT-1", ManagerB, CancellationToken.None)).Status);

        ExclusionView lifted = (await this.Queries.GetAsync("EXC-1", CancellationToken.None))!;
        Assert.Equal(ExclusionStatus.Lifted, lifted.Status);
        Assert.False(lifted.InForce);
        Assert.Equal(
            ["exclusion-proposed", "exclusion-confirmed", "correction-proposed", "correction-confirmed", "lift-proposed", "lift-confirmed"],
            lifted.History!.Select(h => h.Event));
        Assert.Equal(CommandStatus.NotFound, (await this.Commands.ConfirmChangeAsync("EXC-1", "NO-SUCH", ManagerB, CancellationToken.None)).Status);
        Assert.Equal(CommandStatus.Invalid, (await this.Commands.LiftAsync("EXC-1", lift with { ReasonCode = "Because!" }, ManagerB, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Pages_carry_a_continuation_token_to_the_next_page_and_a_foreign_token_is_refused()
    {
        foreach (string id in new[] { "EXC-C", "EXC-A", "EXC-B" })
        {
            await this.Commands.ProposeAsync(Employer(id), InspectorA, CancellationToken.None);
        }

        var errors = new ValidationErrors();
        ExclusionPage first = await this.Queries.ListAsync(ExclusionQueries.Paging("2", null, errors)!, CancellationToken.None);
        Assert.Equal(["EXC-A", "EXC-B"], first.Items.Select(i => i.ExclusionId));
        Assert.All(first.Items, i => Assert.Null(i.History));
        Assert.NotNull(first.Continuation);

        ExclusionPage second = await this.Queries.ListAsync(ExclusionQueries.Paging("2", first.Continuation, errors)!, CancellationToken.None);
        Assert.Equal(["EXC-C"], second.Items.Select(i => i.ExclusionId));
        Assert.Null(second.Continuation);
        Assert.True(errors.IsValid);

        foreach ((string? size, string? token, string field) in new (string?, string?, string)[]
        {
            ("0", null, "pageSize"), ("201", null, "pageSize"), ("ten", null, "pageSize"), ("-1", null, "pageSize"),
            (null, "not base64url!", "continuation"), (null, "PHNjcmlwdD4", "continuation"), // "<script>"
        })
        {
            var bad = new ValidationErrors();
            Assert.Null(ExclusionQueries.Paging(size, token, bad));
            Assert.True(bad.ToDictionary().ContainsKey(field), $"{size} {token}");
        }
    }
}
