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
    public async Task Forwards_raise_the_workflows_event_with_codes_only_and_a_report_takes_at_most_ten_of_them()
    {
        HttpOutcome accepted = await this.SubmitAsync(Report);
        string reference = accepted.Json.GetProperty("reference").GetString()!;
        string caseId = ((MisuseReportInput)Assert.Single(this.app.Client.Scheduled).Input!).CaseId;
        IReadOnlyList<ReportPlacement> placements = ReportTriage.Route([MisuseSignal.UnpaidHours]);
        await this.Reports.RecordAsync(new ReportTriageRecord(caseId, null, true, placements), CancellationToken.None);

        string inspector = EasyAuth.Header("inspector", objectId: "00000000-0000-0000-0000-0000000000f1");
        Inspection from = Inspection.Social;
        for (int forward = 1; forward <= Application.Reports.MisuseReportService.MaxForwards; forward++)
        {
            HttpOutcome forwarded = await this.ForwardAsync(reference, $"F-{forward}", from, inspector);
            Assert.Equal(StatusCodes.Status202Accepted, forwarded.Status);

            // As the workflow does: apply it and record where the report is now.
            (string instance, string eventName, object? payload) = this.app.Client.Raised.Last();
            Assert.Equal((caseId, ReportEvents.Action), (instance, eventName));
            Assert.Equal(new ReportAction($"F-{forward}", ReportActionKind.Forward, from), payload);
            placements = ReportTriage.Apply(placements, (ReportAction)payload!)!;
            await this.Reports.RecordAsync(new ReportTriageRecord(caseId, $"F-{forward}", true, placements), CancellationToken.None);
            from = ReportRouting.Other(from);
        }

        HttpOutcome refused = await this.ForwardAsync(reference, "F-11", from, inspector);
        Assert.Equal(StatusCodes.Status409Conflict, refused.Status);
        Assert.Equal(Application.Reports.MisuseReportService.MaxForwards, this.app.Client.Raised.Count);
        Assert.Equal(
            StatusCodes.Status409Conflict,
            (await this.ForwardAsync(reference, "F-12", ReportRouting.Other(from), inspector)).Status); // it does not hold the report
    }

    async Task<HttpOutcome> ForwardAsync(string reference, string actionId, Inspection from, string principal)
    {
        string json = $$"""{"actionId":"{{actionId}}","from":"{{(from == Inspection.Social ? "social" : "housing")}}","reason":"Not ours."}""";
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation("POST", $"/api/inspections/reports/{reference}/forward", json, principal: principal);
        await using (context)
        {
            return await HttpOutcome.ExecuteAsync(await ReportHttpFunctions.ForwardMisuseReport(http.Request, reference, this.app.Client, context, CancellationToken.None), http);
        }
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
