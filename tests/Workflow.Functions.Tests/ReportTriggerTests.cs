using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Functions.Http;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Reports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Functions.Tests;

/// <summary>
/// The misuse report functions call the same handlers as the local host: an anonymous report is accepted with a
/// reference and starts the triage workflow with the case id and the signals only; a repeat is 200; a signed-in
/// reporter is kept apart from the report; bad input is a 400 that stores and starts nothing.
/// </summary>
public sealed class ReportTriggerTests : IAsyncLifetime
{
    const string Report = """{"reportId":"R-1","employerKbo":"0412345614","signals":["unpaid-hours","unsafe-housing"],"description":"Paid for 20 of 50 hours."}""";

    FunctionsApp app = null!;

    InMemoryMisuseReports Reports => this.app.Services.GetRequiredService<InMemoryMisuseReports>();

    public Task InitializeAsync()
    {
        this.app = FunctionsApp.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    async Task<HttpOutcome> SubmitAsync(string json, string? principal = null)
    {
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("POST", "/api/reports", json, principal: principal);
        await using (context)
        {
            return await HttpOutcome.ExecuteAsync(await ReportHttpFunctions.SubmitMisuseReport(http.Request, this.app.Client, context, CancellationToken.None), http);
        }
    }

    [Fact]
    public async Task An_anonymous_report_is_accepted_with_a_reference_and_starts_its_workflow_with_the_case_id_and_signals_only()
    {
        HttpOutcome accepted = await this.SubmitAsync(Report);

        Assert.Equal(StatusCodes.Status202Accepted, accepted.Status);
        string reference = accepted.Json.GetProperty("reference").GetString()!;
        Assert.StartsWith("MR-", reference, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(accepted.Json.GetProperty("confirmation").GetProperty("nl").GetString()));
        (Microsoft.DurableTask.TaskName name, object? input, _) = Assert.Single(this.app.Client.Scheduled);
        Assert.Equal("MisuseReportOrchestrator", name.Name);
        string serialized = JsonSerializer.Serialize(input, WorkflowJson.Options);
        Assert.DoesNotContain(reference, serialized, StringComparison.Ordinal);
        Assert.DoesNotContain("0412345614", serialized, StringComparison.Ordinal);
        Assert.DoesNotContain("hours.", serialized, StringComparison.Ordinal);
        Assert.Equal([MisuseSignal.UnpaidHours, MisuseSignal.UnsafeHousing], ((MisuseReportInput)input!).Signals);

        HttpOutcome repeated = await this.SubmitAsync(Report);
        Assert.Equal(StatusCodes.Status200OK, repeated.Status);
        Assert.Equal(reference, repeated.Json.GetProperty("reference").GetString());
        Assert.Equal(1, this.Reports.Count);
        Assert.Null(await this.Reports.ReporterAsync(((MisuseReportInput)input!).CaseId, CancellationToken.None));
    }

    [Fact]
    public async Task A_signed_in_reporter_is_kept_apart_from_the_report()
    {
        HttpOutcome accepted = await this.SubmitAsync(Report, EasyAuth.Header("caseworker"));

        Assert.Equal(StatusCodes.Status202Accepted, accepted.Status);
        var input = (MisuseReportInput)Assert.Single(this.app.Client.Scheduled).Input!;
        Application.Reports.ReporterRecord reporter = (await this.Reports.ReporterAsync(input.CaseId, CancellationToken.None))!;
        Assert.Equal("00000000-0000-0000-0000-0000000000aa", reporter.Subject);
    }

    [Fact]
    public async Task Bad_input_is_a_400_that_stores_and_starts_nothing()
    {
        HttpOutcome refused = await this.SubmitAsync("""{"reportId":"R-2","employerKbo":"0412345615","signals":["bikes"],"description":""}""");

        Assert.Equal(StatusCodes.Status400BadRequest, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        JsonElement errors = refused.Json.GetProperty("errors");
        Assert.True(errors.TryGetProperty("employerKbo", out _));
        Assert.True(errors.TryGetProperty("signals[0]", out _));
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.Empty(this.app.Client.Scheduled);
        Assert.Equal(0, this.Reports.Count);
    }
}
