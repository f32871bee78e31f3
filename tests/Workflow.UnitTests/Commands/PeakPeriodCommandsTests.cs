using Workflow.Application.Commands;
using Workflow.Application.Ports;

namespace Workflow.UnitTests.Commands;

/// <summary>Managers' peak periods (docs/design.md#sla-semantics): validated, non-overlapping, stored ordered by start.</summary>
public class PeakPeriodCommandsTests
{
    /// <summary>A tiny in-memory calendar that records what was stored.</summary>
    sealed class InMemoryPeakPeriodCalendar : IPeakPeriodCalendar
    {
        public IReadOnlyList<PeakPeriod> Stored { get; private set; } = [];

        public int Replacements { get; private set; }

        public Task<IReadOnlyList<PeakPeriod>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(this.Stored);

        public Task ReplaceAsync(IReadOnlyList<PeakPeriod> periods, CancellationToken cancellationToken)
        {
            this.Stored = [.. periods];
            this.Replacements++;
            return Task.CompletedTask;
        }
    }

    /// <summary>An audit log that keeps what it is given.</summary>
    sealed class ListAuditLog : Workflow.Orchestrations.Ports.IAuditLog
    {
        public List<Workflow.Orchestrations.Contracts.AuditEntry> Entries { get; } = [];

        public Task AppendAsync(Workflow.Orchestrations.Contracts.AuditEntry entry, CancellationToken cancellationToken)
        {
            this.Entries.Add(entry);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Workflow.Orchestrations.Contracts.AuditEntry>> ListAsync(string applicationId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Workflow.Orchestrations.Contracts.AuditEntry>>([.. this.Entries.Where(e => e.ApplicationId == applicationId)]);
    }

    static readonly Workflow.Application.Access.Actor Manager = new("manager", "sub-m1", "Mia Manager");

    readonly InMemoryPeakPeriodCalendar calendar = new();
    readonly ListAuditLog auditLog = new();

    static PeakPeriodInput Period(string from, string to, string? label = null) =>
        new(DateOnly.ParseExact(from, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.ParseExact(to, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            label);

    Task<CommandResult> Replace(params PeakPeriodInput?[] periods) =>
        new PeakPeriodCommands(this.calendar, this.auditLog, TimeProvider.System).ReplaceAsync(new PeakPeriodsRequest(periods), Manager, CancellationToken.None);

    void AssertInvalidAndNothingStored(CommandResult result, params string[] fields)
    {
        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.NotNull(result.Errors);
        Assert.Equal(fields.Order(StringComparer.Ordinal), result.Errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, this.calendar.Replacements);
    }

    [Fact]
    public async Task A_valid_list_is_stored_ordered_by_from()
    {
        CommandResult result = await this.Replace(
            Period("2026-07-01", "2026-08-31", "summer"),
            Period("2026-01-05", "2026-01-20", "january"),
            Period("2026-03-01", "2026-03-01", "one day"));

        Assert.Equal(CommandStatus.Accepted, result.Status);
        Assert.Equal(1, this.calendar.Replacements);
        Assert.Equal(["january", "one day", "summer"], this.calendar.Stored.Select(p => p.Label));
        Assert.Equal(new PeakPeriod(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 20), "january"), this.calendar.Stored[0]);
        Assert.Equal(this.calendar.Stored, await new PeakPeriodCommands(this.calendar, this.auditLog, TimeProvider.System).ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Adjacent_periods_are_not_overlapping()
    {
        CommandResult result = await this.Replace(Period("2026-03-11", "2026-03-20"), Period("2026-03-01", "2026-03-10"));

        Assert.Equal(CommandStatus.Accepted, result.Status);
        Assert.Equal(2, this.calendar.Stored.Count);
    }

    [Fact]
    public async Task An_empty_list_clears_the_periods()
    {
        CommandResult result = await this.Replace();

        Assert.Equal(CommandStatus.Accepted, result.Status);
        Assert.Empty(this.calendar.Stored);
        Assert.Equal(1, this.calendar.Replacements);
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-10", "2026-03-10", "2026-03-20")] // sharing one day
    [InlineData("2026-04-01", "2026-04-30", "2026-03-15", "2026-04-02")] // given out of order
    [InlineData("2026-01-01", "2026-12-31", "2026-06-01", "2026-06-30")] // one inside the other
    [InlineData("2026-05-01", "2026-05-31", "2026-05-01", "2026-05-31")] // the same period twice
    public async Task Overlapping_periods_are_rejected(string from1, string to1, string from2, string to2)
    {
        CommandResult result = await this.Replace(Period(from1, to1), Period(from2, to2));

        this.AssertInvalidAndNothingStored(result, "periods");
    }

    [Fact]
    public async Task To_before_from_is_rejected()
    {
        CommandResult result = await this.Replace(Period("2026-01-05", "2026-01-20"), Period("2026-03-10", "2026-03-09"));

        this.AssertInvalidAndNothingStored(result, "periods[1].to");
    }

    [Fact]
    public async Task More_than_50_periods_are_rejected()
    {
        PeakPeriodInput[] periods = [.. Enumerable.Range(0, 51).Select(i => new PeakPeriodInput(new DateOnly(2026, 1, 1).AddDays(2 * i), new DateOnly(2026, 1, 1).AddDays(2 * i), null))];

        CommandResult result = await this.Replace(periods);

        this.AssertInvalidAndNothingStored(result, "periods");
    }

    [Fact]
    public async Task Fifty_periods_are_accepted()
    {
        PeakPeriodInput[] periods = [.. Enumerable.Range(0, 50).Select(i => new PeakPeriodInput(new DateOnly(2026, 1, 1).AddDays(2 * i), new DateOnly(2026, 1, 1).AddDays(2 * i), null))];

        CommandResult result = await this.Replace(periods);

        Assert.Equal(CommandStatus.Accepted, result.Status);
        Assert.Equal(50, this.calendar.Stored.Count);
    }

    [Fact]
    public async Task Missing_list_is_rejected()
    {
        CommandResult result = await new PeakPeriodCommands(this.calendar, this.auditLog, TimeProvider.System).ReplaceAsync(new PeakPeriodsRequest(null), Manager, CancellationToken.None);

        this.AssertInvalidAndNothingStored(result, "periods");
    }

    [Fact]
    public async Task Missing_entries_and_dates_are_rejected_with_their_paths()
    {
        CommandResult result = await this.Replace(
            Period("2026-01-05", "2026-01-20"),
            null,
            new PeakPeriodInput(null, new DateOnly(2026, 3, 1), null),
            new PeakPeriodInput(new DateOnly(2026, 4, 1), null, null));

        this.AssertInvalidAndNothingStored(result, "periods[1]", "periods[2].from", "periods[3].to");
    }

    [Fact]
    public async Task A_label_with_markup_is_rejected()
    {
        CommandResult result = await this.Replace(Period("2026-01-05", "2026-01-20", "<b>peak</b>"));

        this.AssertInvalidAndNothingStored(result, "periods[0].label");
    }

    [Fact]
    public async Task Periods_outside_2020_to_2100_are_rejected()
    {
        CommandResult result = await this.Replace(Period("2019-12-31", "2020-01-10"), Period("2100-12-01", "2101-01-01"));

        this.AssertInvalidAndNothingStored(result, "periods[0]", "periods[1]");
    }

    [Fact]
    public async Task A_declaration_records_who_made_it_and_what_it_declared()
    {
        CommandResult result = await this.Replace(Period("2026-07-01", "2026-08-31", "summer"));

        Assert.Equal(CommandStatus.Accepted, result.Status);
        var entry = Assert.Single(this.auditLog.Entries);
        Assert.Equal((PeakPeriodCommands.AuditPartition, "manager", "sub-m1", "Mia Manager"), (entry.ApplicationId, entry.Actor, entry.BySubject, entry.ByName));
        Assert.Equal("2026-07-01/2026-08-31", entry.Details["periods"]);
    }

    [Fact]
    public async Task A_refused_declaration_records_nothing()
    {
        await this.Replace(Period("2026-08-31", "2026-07-01"));
        Assert.Empty(this.auditLog.Entries);
    }
}
