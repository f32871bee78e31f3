using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Api;

/// <summary>Peak periods are global: these tests run on a host of their own, so other tests keep the 30-day standard.</summary>
public sealed class PeakPeriodTests : IAsyncLifetime
{
    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync();

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task A_standard_file_submitted_inside_a_declared_peak_period_gets_45_days_and_the_fast_lane_keeps_15()
    {
        DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);
        var periods = new JsonObject
        {
            ["periods"] = new JsonArray(new JsonObject
            {
                ["from"] = today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["to"] = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["label"] = "test peak",
            }),
        };
        using HttpResponseMessage put = await this.host.Api.As(Roles.Manager).Http.PutAsync("/api/sla/peak-periods", new StringContent(periods.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        JsonElement listed = JsonDocument.Parse(await this.host.Api.As(Roles.Caseworker).Http.GetStringAsync("/api/sla/peak-periods")).RootElement.GetProperty("periods");
        Assert.Equal("test peak", Assert.Single(listed.EnumerateArray()).GetProperty("label").GetString());

        string standard = await this.host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));

        // Right from the first answer (the workflow may not have recorded anything yet): 45 days, never 30 then 45.
        JsonNode first = await this.host.Api.GetAsync(standard);
        Assert.Equal(45, first["sla"]!["dueDays"]!.GetValue<int>());
        Assert.True(first["sla"]!["inPeakPeriod"]!.GetValue<bool>());

        string fastLane = await this.host.Api.SubmitAsync(Samples.Load(Samples.HighlySkilled));
        JsonNode standardStatus = await this.host.Api.WaitForStageAsync(standard, "awaiting-decision");
        JsonNode fastStatus = await this.host.Api.WaitForStageAsync(fastLane, "awaiting-applicant");

        Assert.Equal(45, standardStatus["sla"]!["dueDays"]!.GetValue<int>());
        Assert.True(standardStatus["sla"]!["inPeakPeriod"]!.GetValue<bool>());
        Assert.Equal(Scenario.Time(standardStatus["submittedAt"]).AddDays(45), Scenario.Time(standardStatus["sla"]!["dueAt"]));
        Assert.Equal(15, fastStatus["sla"]!["dueDays"]!.GetValue<int>());
        Assert.False(fastStatus["sla"]!["inPeakPeriod"]!.GetValue<bool>());

        await Scenario.EndAsync(this.host, standard);
        await Scenario.EndAsync(this.host, fastLane);
    }

    [Fact]
    public async Task Overlapping_or_reversed_peak_periods_are_rejected()
    {
        var periods = new JsonObject
        {
            ["periods"] = new JsonArray(
                new JsonObject { ["from"] = "2027-07-01", ["to"] = "2027-08-31" },
                new JsonObject { ["from"] = "2027-08-15", ["to"] = "2027-09-15" },
                new JsonObject { ["from"] = "2027-12-10", ["to"] = "2027-12-01" }),
        };
        using HttpResponseMessage put = await this.host.Api.As(Roles.Manager).Http.PutAsync("/api/sla/peak-periods", new StringContent(periods.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        JsonElement errors = (await ApiClient.ProblemAsync(put)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("periods", out _));
        Assert.True(errors.TryGetProperty("periods[2].to", out _));
    }
}
