using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Inspections;
using Workflow.Functions.Http;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;

namespace Workflow.Functions.Tests;

/// <summary>
/// The inspection triggers of the Functions app on its own container (the register in memory): a grant is found by
/// employer and by a director's INSZ, each search audited with the fingerprint, bad numbers get a 400; and the
/// activity that records grants resolves with the register wired in.
/// </summary>
public sealed class InspectionTriggerTests : IAsyncLifetime
{
    const string Employer = "0412345614";
    const string Director = "85073003328";

    FunctionsApp app = null!;

    public Task InitializeAsync()
    {
        this.app = FunctionsApp.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    [Fact]
    public void The_activity_that_records_grants_resolves_in_the_app()
    {
        Assert.NotNull(ActivatorUtilities.CreateInstance<RecordTransitionActivity>(this.app.Services));
    }

    [Fact]
    public async Task An_inspector_finds_a_grant_by_employer_and_by_director_and_each_search_is_audited()
    {
        string applicationId = ApplicationIds.Derive(Employer, "REGISTER-1");
        string directorKey = PartyKeys.Director(this.app.Services.GetRequiredService<IPartyFingerprint>(), Director);
        await this.app.Services.GetRequiredService<IAuthorisationRegister>().RecordGrantAsync(
            new Authorisation(applicationId, Employer, null, PermitCategory.HighlySkilled, new DateOnly(2026, 11, 30), new DateOnly(2029, 11, 29), AuthorisationState.Granted, "t"),
            [directorKey],
            CancellationToken.None);

        foreach (string query in new[] { $"?employer={Employer}", "?director=85.07.30-033.28" })
        {
            HttpOutcome outcome = await this.GrantsAsync(query, "inspector");
            Assert.Equal(StatusCodes.Status200OK, outcome.Status);
            System.Text.Json.JsonElement item = Assert.Single(outcome.Json.GetProperty("items").EnumerateArray());
            Assert.Equal(applicationId, item.GetProperty("applicationId").GetString());
            Assert.Equal("2029-11-29", item.GetProperty("validUntil").GetString());
        }

        IReadOnlyList<AuditEntry> searches = await this.app.AuditLog.ListAsync(InspectionQueries.AuditPartition, CancellationToken.None);
        Assert.Equal(2, searches.Count);
        Assert.Contains(searches, e => e.Details.GetValueOrDefault("employer") == Employer);
        Assert.Contains(searches, e => e.Details.GetValueOrDefault("director") == directorKey);
        Assert.DoesNotContain(searches, e => e.Details.Values.Any(v => v.Contains(Director, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("?employer=0412345615")]
    [InlineData("?director=85073003329")]
    [InlineData("")]
    public async Task A_bad_number_is_a_400_problem(string query)
    {
        HttpOutcome outcome = await this.GrantsAsync(query, "inspector");
        Assert.Equal(StatusCodes.Status400BadRequest, outcome.Status);
    }

    [Fact]
    public async Task An_employer_is_refused_with_403()
    {
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("GET", "/api/inspections/applications", principal: EasyAuth.Header("employer", applicant: Employer));
        await using (context)
        {
            http.Request.QueryString = new QueryString($"?employer={Employer}");
            HttpOutcome outcome = await HttpOutcome.ExecuteAsync(await InspectionHttpFunctions.GetInspectionApplications(http.Request, context, CancellationToken.None), http);
            Assert.Equal(StatusCodes.Status403Forbidden, outcome.Status);
        }
    }

    async Task<HttpOutcome> GrantsAsync(string query, string role)
    {
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("GET", "/api/inspections/grants", principal: EasyAuth.Header(role));
        await using (context)
        {
            http.Request.QueryString = new QueryString(query);
            return await HttpOutcome.ExecuteAsync(await InspectionHttpFunctions.GetInspectionGrants(http.Request, context, CancellationToken.None), http);
        }
    }
}
