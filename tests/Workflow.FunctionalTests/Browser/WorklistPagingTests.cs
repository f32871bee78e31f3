using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflow.FunctionalTests.CaseRecord;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.Browser;

/// <summary>
/// The workbench's worklist a page at a time (25 files) in a real browser, on a host of its own whose case index the
/// test fills: a file that moves to a later due date while the caseworker pages comes again on the next page, and the
/// list shows it once, at its new place.
/// </summary>
public sealed class WorklistPagingTests : IAsyncLifetime
{
    static readonly DateTimeOffset First = DateTimeOffset.UtcNow.AddDays(1);

    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(new PermitHostOptions());

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task A_file_that_moves_later_while_the_caseworker_pages_is_listed_once_at_its_new_place()
    {
        ICaseIndex index = this.host.Services.GetRequiredService<ICaseIndex>();
        string[] ids = [.. Enumerable.Range(0, 30).Select(i => ApplicationIds.Derive("0412345614", $"paging-{i:D2}-{Guid.NewGuid():N}"[..40]))];
        for (int i = 0; i < ids.Length; i++)
        {
            await index.UpsertAsync(Awaiting(ids[i], First.AddMinutes(i), DateTimeOffset.UtcNow), CancellationToken.None);
        }

        await using BrowserSession browser = await BrowserSession.OpenAsync(this.host);
        IPage page = await browser.GotoAsync("/workbench/");
        await BrowserSession.SignInAsync(page, BrowserSession.Token("caseworker", subject: "cw-paging", name: "Pieter Paging"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Alle dossiers", Exact = true }).ClickAsync();
        ILocator moving = page.GetByRole(AriaRole.Row).Filter(new() { HasText = ids[0] });
        await Assertions.Expect(moving).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = ids[^1] })).ToHaveCountAsync(0); // on the next page

        // The first file's due date moves past all others (in life: an information request answered after a pause; here
        // a later record of the case), then the caseworker asks for more.
        await index.UpsertAsync(Awaiting(ids[0], First.AddDays(2), DateTimeOffset.UtcNow.AddMinutes(1)) with { Revision = 2 }, CancellationToken.None);
        await page.GetByRole(AriaRole.Button, new() { Name = "Meer dossiers tonen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = ids[^1] })).ToHaveCountAsync(1);
        await Assertions.Expect(moving).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr").Last).ToContainTextAsync(ids[0]);
        browser.AssertNoProblems();
    }

    /// <summary>A case awaiting its caseworker, submitted at <paramref name="submittedAt"/> (its due date follows), recorded at <paramref name="recordedAt"/>.</summary>
    static PermitCase Awaiting(string applicationId, DateTimeOffset submittedAt, DateTimeOffset recordedAt) =>
        CaseRows.Case(applicationId, submittedAt, PermitCategory.WorkCard) with { Stage = Stage.AwaitingDecision, Revision = 1, RecordedAt = recordedAt };
}
