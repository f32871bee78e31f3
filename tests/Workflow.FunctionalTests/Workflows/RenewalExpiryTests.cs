using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Ports;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>
/// A renewal is submitted while the authorisation is still valid. On a host of its own at a fifth of a second per policy
/// day, a work card is granted through the API and its 90 days (the policy data's placeholder term) pass on its policy
/// clock in about 18 s; its renewal is then refused (409, expired), and nothing of it is stored.
/// </summary>
public sealed class RenewalExpiryTests : IAsyncLifetime
{
    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(new PermitHostOptions { PolicyDay = TimeSpan.FromMilliseconds(200) });

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task An_expired_authorisation_is_not_renewed()
    {
        string grantId = await this.host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
        await this.host.Api.WaitForStageAsync(grantId, "awaiting-decision");
        await this.host.Api.DecideAsync(grantId, "approve");
        Assert.Equal("granted", (await Scenario.CompletedAsync(this.host, grantId))["outcome"]!.GetValue<string>());
        JsonNode authorisation = (await this.host.Api.GetAsync(grantId))["decision"]!["authorisation"]!;
        DateOnly validUntil = DateOnly.Parse(authorisation["validUntil"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal(90, validUntil.DayNumber - DateOnly.Parse(authorisation["validFrom"]!.GetValue<string>(), CultureInfo.InvariantCulture).DayNumber + 1);

        // The grant's policy clock (the status's "now") passes its last day of validity.
        await Eventually.HoldsAsync(
            async () => PolicyCatalog.BelgianDate(Scenario.Time((await this.host.Api.GetAsync(grantId))["now"])) > validUntil,
            Scenario.StepTimeout,
            $"the authorisation of {grantId}, valid until {validUntil:yyyy-MM-dd}, to expire on its policy clock");

        JsonObject renewal = Samples.Load(Samples.WorkCard, sample => sample["renews"] = grantId);
        using HttpResponseMessage refused = await this.host.Api.AsApplicant(renewal).PostJsonAsync("/api/applications", renewal);
        JsonElement problem = await ApiClient.ProblemAsync(refused);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(
            $"The authorisation of application {grantId} expired: it was valid until {validUntil:yyyy-MM-dd}",
            problem.GetProperty("detail").GetString(),
            StringComparison.Ordinal);

        string renewalId = ApplicationIds.Derive(ApiClient.ApplicantKey(renewal), renewal["submissionId"]!.GetValue<string>());
        Assert.Null(await this.host.Services.GetRequiredService<ISubmissionLedger>().GetAsync(renewalId, CancellationToken.None));
        Assert.Null(await this.host.Engine.GetInstanceAsync(renewalId));
        Assert.Null(await this.host.Services.GetRequiredService<IAuthorisationRegister>().GetRenewalAsync(grantId, CancellationToken.None));
    }
}
