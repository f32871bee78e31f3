using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.Application.Inspections;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.Register;

/// <summary>
/// The authorisations register on the real engine: a highly skilled application runs to a grant, the workflow enters it
/// in the register with its employer's directors, the status shows its validity, and an inspector finds it by the
/// employer's KBO number and by a director's INSZ, each search audited without the number in clear. Other roles are
/// refused; malformed numbers get a 400 problem.
/// </summary>
public sealed class InspectionRegisterTests
{
    [Fact]
    public async Task A_grant_enters_the_register_and_an_inspector_finds_it_by_employer_and_by_director()
    {
        PermitHost host = await SharedHost.GetAsync();
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(host, Samples.HighlySkilled);
        try
        {
            using HttpResponseMessage federal = await host.Api.FederalAsync(applicationId, handoffId!, "decision", "approved");
            Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
            await host.Api.DecideAsync(applicationId, "approve");
            await Scenario.CompletedAsync(host, applicationId);

            // The status shows the authorisation: 3 years from the decision date (§2.2), to staff and to the employer.
            JsonNode decision = (await host.Api.GetAsync(applicationId))["decision"]!;
            Assert.Equal("granted", decision["outcome"]!.GetValue<string>());
            DateOnly validFrom = PolicyCatalog.BelgianDate(Scenario.Time(decision["decidedAt"]));
            DateOnly validUntil = validFrom.AddYears(3).AddDays(-1);
            AssertAuthorisation(decision["authorisation"], validFrom, validUntil);
            JsonNode employerView = await host.Api.AsEmployerOf(applicationId).GetAsync(applicationId);
            AssertAuthorisation(employerView["decision"]!["authorisation"], validFrom, validUntil);

            AuthenticSourceOverview overview = (await host.Services.GetRequiredService<IDossierStore>().GetRecordAsync<AuthenticSourceOverview>(
                applicationId, GatherAuthenticSourcesActivity.OverviewRecord, CancellationToken.None))!;
            string[] directors = overview.Value(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.DirectorPersonNumbers)!.Split(',');
            string director = directors[^1];
            string employer = Samples.Load(Samples.HighlySkilled)["employer"]!["kbo"]!.GetValue<string>();

            string inspectorSubject = $"inspector-{Guid.NewGuid():N}";
            ApiClient inspector = host.Api.AsPerson(Roles.Inspector, inspectorSubject, "Ines Inspector");

            // By employer, a page of one at a time: the continuation walks the employer's grants to this one.
            JsonNode byEmployer = await FindAsync(inspector, $"/api/inspections/grants?employer={employer}&pageSize=1", applicationId);
            Assert.Equal(employer, byEmployer["employer"]!.GetValue<string>());
            Assert.Equal("highly-skilled", byEmployer["category"]!.GetValue<string>());
            Assert.Equal("granted", byEmployer["state"]!.GetValue<string>());
            Assert.Equal(validFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), byEmployer["validFrom"]!.GetValue<string>());
            Assert.Equal(validUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), byEmployer["validUntil"]!.GetValue<string>());
            Assert.Equal($"/api/applications/{applicationId}", byEmployer["statusUrl"]!.GetValue<string>());

            // By a director's INSZ, written as people write it (with separators).
            string written = $"{director[..2]}.{director[2..4]}.{director[4..6]}-{director[6..9]}.{director[9..]}";
            JsonNode byDirector = await FindAsync(inspector, $"/api/inspections/grants?director={Uri.EscapeDataString(written)}", applicationId);
            Assert.Equal(employer, byDirector["employer"]!.GetValue<string>());

            // A manager may search too; the employer's applications list this one, closed and granted.
            JsonNode application = await FindAsync(host.Api.As(Roles.Manager), $"/api/inspections/applications?employer={employer}", applicationId);
            Assert.Equal("closed", application["stage"]!.GetValue<string>());
            Assert.Equal("granted", application["outcome"]!.GetValue<string>());

            // Every search is audited with who searched and for what; the director by fingerprint, never the number.
            IReadOnlyList<AuditEntry> searches = [.. (await host.Services.GetRequiredService<IAuditLog>().ListAsync(InspectionQueries.AuditPartition, CancellationToken.None))
                .Where(e => e.BySubject == inspectorSubject)];
            Assert.All(searches, e => Assert.Equal((InspectionQueries.SearchEvent, Roles.Inspector, "Ines Inspector"), (e.Event, e.Actor, e.ByName)));
            Assert.Contains(searches, e => e.Details.GetValueOrDefault("employer") == employer && e.Details["searched"] == "grants");
            AuditEntry directorSearch = Assert.Single(searches, e => e.Details.ContainsKey("director"));
            Assert.Equal(PartyKeys.Director(host.Services.GetRequiredService<IPartyFingerprint>(), director), directorSearch.Details["director"]);
            Assert.DoesNotContain(searches, e => e.Details.Values.Any(v => v.Contains(director, StringComparison.Ordinal)));
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task The_register_keeps_the_first_write_of_a_grant_and_pages_by_employer_and_director()
    {
        PermitHost host = await SharedHost.GetAsync();
        IAuthorisationRegister register = host.Services.GetRequiredService<IAuthorisationRegister>();
        string employer = $"self:REG-{Guid.NewGuid():N}";
        string director = $"director:{Guid.NewGuid():N}";
        string[] ids = [.. Enumerable.Range(1, 3).Select(i => Orchestrations.Domain.ApplicationIds.Derive(employer, $"S{i}")).Order(StringComparer.Ordinal)];
        foreach (string id in ids)
        {
            var grant = new Orchestrations.Register.Authorisation(
                id, employer, null, Orchestrations.Domain.PermitCategory.ProfessionalCard, new DateOnly(2026, 11, 30), new DateOnly(2027, 11, 29), Orchestrations.Register.AuthorisationState.Granted, "t");
            await register.RecordGrantAsync(grant, [director], CancellationToken.None);
            await register.RecordGrantAsync(grant with { State = Orchestrations.Register.AuthorisationState.Withdrawn }, [director], CancellationToken.None); // a retried write changes nothing
        }

        Assert.Equal(Orchestrations.Register.AuthorisationState.Granted, (await register.GetAsync(ids[0], CancellationToken.None))!.State);
        foreach (Func<string?, Task<AuthorisationPage>> list in new Func<string?, Task<AuthorisationPage>>[]
        {
            after => register.ListByEmployerAsync(employer, 2, after, CancellationToken.None),
            after => register.ListByDirectorAsync(director, 2, after, CancellationToken.None),
        })
        {
            AuthorisationPage first = await list(null);
            Assert.Equal(ids[..2], first.Items.Select(a => a.ApplicationId));
            Assert.Equal(ids[1], first.Continuation);
            AuthorisationPage last = await list(first.Continuation);
            Assert.Equal(ids[2..], last.Items.Select(a => a.ApplicationId));
            Assert.Null(last.Continuation);
        }
    }

    [Theory]
    [InlineData(Roles.Employer)]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.FederalOffice)]
    public async Task Other_roles_are_refused_the_inspections(string role)
    {
        PermitHost host = await SharedHost.GetAsync();
        ApiClient caller = host.Api.As(role, role == Roles.Employer ? "0412345614" : null);
        foreach (string path in new[] { "/api/inspections/grants?employer=0412345614", "/api/inspections/applications?employer=0412345614" })
        {
            using HttpResponseMessage refused = await caller.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/api/inspections/grants")]
    [InlineData("/api/inspections/grants?employer=0412345615")] // wrong check digits
    [InlineData("/api/inspections/grants?employer=2412345614")] // does not start with 0 or 1
    [InlineData("/api/inspections/grants?director=85073003329")] // wrong check digits
    [InlineData("/api/inspections/grants?director=8507300332")] // 10 digits
    [InlineData("/api/inspections/grants?employer=0412345614&director=85073003328")]
    [InlineData("/api/inspections/grants?employer=0412345614&pageSize=0")]
    [InlineData("/api/inspections/grants?employer=0412345614&continuation=not-an-application")]
    [InlineData("/api/inspections/applications")]
    [InlineData("/api/inspections/applications?employer=0412345613")]
    [InlineData("/api/inspections/applications?director=85073003328")]
    [InlineData("/api/inspections/applications?employer=0412345614&continuation=nonsense")]
    public async Task Malformed_searches_get_a_400_problem_and_are_not_audited(string path)
    {
        PermitHost host = await SharedHost.GetAsync();
        string subject = $"inspector-{Guid.NewGuid():N}";
        using HttpResponseMessage response = await host.Api.AsPerson(Roles.Inspector, subject).Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(
            await host.Services.GetRequiredService<IAuditLog>().ListAsync(InspectionQueries.AuditPartition, CancellationToken.None),
            e => e.BySubject == subject);
    }

    static void AssertAuthorisation(JsonNode? authorisation, DateOnly validFrom, DateOnly validUntil)
    {
        Assert.NotNull(authorisation);
        Assert.Equal(validFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), authorisation["validFrom"]!.GetValue<string>());
        Assert.Equal(validUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), authorisation["validUntil"]!.GetValue<string>());
        Assert.Equal("granted", authorisation["state"]!.GetValue<string>());
    }

    /// <summary>Follows the pages of a search until the application's item; fails when the last page passes without it.</summary>
    static async Task<JsonNode> FindAsync(ApiClient caller, string path, string applicationId)
    {
        string? continuation = null;
        for (int pages = 0; pages < 500; pages++)
        {
            string url = continuation is null ? path : $"{path}&continuation={Uri.EscapeDataString(continuation)}";
            JsonNode page = (await caller.Http.GetFromJsonNodeAsync(url))!;
            if (page["items"]!.AsArray().FirstOrDefault(i => i!["applicationId"]!.GetValue<string>() == applicationId) is JsonNode item)
            {
                return item;
            }

            continuation = page["continuation"]?.GetValue<string>();
            if (continuation is null)
            {
                break;
            }
        }

        Assert.Fail($"{path} does not find {applicationId}.");
        return null!;
    }
}
