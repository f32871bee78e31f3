using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Workflows;

public sealed class AdmissibilityTests
{
    /// <summary>Real time the applicant takes to react: the scenario's input, not a wait for the system.</summary>
    static Task ApplicantTakesAsync(TimeSpan time) => Task.Delay(time);

    [Fact]
    public async Task Missing_documents_pause_the_clock_and_move_the_due_date_by_the_pause()
    {
        PermitHost host = await SharedHost.GetAsync();
        DateTimeOffset submitting = DateTimeOffset.UtcNow;
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.Seasonal, Samples.Without("vacancy-evidence")));
        await host.Api.PayAsync(applicationId);

        JsonNode waiting = await host.Api.WaitForStageAsync(applicationId, "awaiting-applicant");
        DateTimeOffset seenWaiting = DateTimeOffset.UtcNow;
        Assert.Equal("paused", waiting["sla"]!["state"]!.GetValue<string>());
        Assert.Contains("vacancy-evidence", waiting["awaiting"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.NotNull(waiting["applicantDeadline"]);

        await ApplicantTakesAsync(TimeSpan.FromSeconds(3)); // three policy days
        DateTimeOffset supplying = DateTimeOffset.UtcNow;
        using HttpResponseMessage supplied = await host.Api.AsEmployerOf(applicationId).PostJsonAsync(
            $"/api/applications/{applicationId}/documents",
            new JsonObject { ["documents"] = new JsonArray(Samples.Document("vacancy-evidence")) });
        Assert.Equal(HttpStatusCode.Accepted, supplied.StatusCode);
        DateTimeOffset supplied2 = DateTimeOffset.UtcNow;

        JsonNode resumed = await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        JsonNode sla = resumed["sla"]!;
        Assert.NotEqual("paused", sla["state"]!.GetValue<string>());
        JsonNode pause = Assert.Single(sla["pauses"]!.AsArray())!;
        Assert.Equal("awaiting-applicant", pause["reason"]!.GetValue<string>());
        TimeSpan paused = Scenario.Time(pause["end"]) - Scenario.Time(pause["start"]);

        // The pause started between the submission and the moment the test saw it, and ended when the API received the
        // documents: so it lies between these real intervals, in policy days (tolerance: 0.05 days for clock rounding).
        Assert.InRange(
            paused.TotalDays,
            Scenario.PolicyDays(host, supplying - seenWaiting) - 0.05,
            Scenario.PolicyDays(host, supplied2 - submitting) + 0.05);

        // The due date is exactly the start plus 30 days plus the recorded pause.
        DateTimeOffset submitted = Scenario.Time(resumed["submittedAt"]);
        Assert.Equal(submitted.AddDays(30) + paused, Scenario.Time(sla["dueAt"]));
        Assert.Equal(paused.TotalDays, sla["pausedDays"]!.GetValue<double>(), 0.001); // the view rounds to 3 decimals
    }

    [Fact]
    public async Task Documents_never_supplied_make_the_application_inadmissible_after_the_deadline()
    {
        PermitHost host = await SharedHost.GetAsync();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard, Samples.Without("passport")));

        JsonNode waiting = await host.Api.WaitForStageAsync(applicationId, "awaiting-applicant");
        Assert.Equal(["passport"], waiting["awaiting"]!.AsArray().Select(i => i!.GetValue<string>()));
        DateTimeOffset deadline = Scenario.Time(waiting["applicantDeadline"]);
        Assert.Equal(Scenario.Time(waiting["sla"]!["pauses"]![0]!["start"]).AddDays(15), deadline);

        JsonNode result = await Scenario.CompletedAsync(host, applicationId, Scenario.StepTimeout);
        Assert.Equal("inadmissible", result["outcome"]!.GetValue<string>());
        Assert.Equal(["incomplete-application"], result["grounds"]!.AsArray().Select(g => g!.GetValue<string>()));

        JsonNode status = await host.Api.GetAsync(applicationId);
        JsonNode[] timeline = [.. status["timeline"]!.AsArray().Select(e => e!)];
        DateTimeOffset expired = Scenario.Time(timeline.Single(e => e["event"]!.GetValue<string>() == "completion-deadline-passed")["at"]);

        // The deadline timer fires at the deadline, not before (tolerance: 0.01 days of clock rounding), and before now.
        Assert.InRange(expired, deadline.AddDays(-0.01), Scenario.Time(status["now"]));

        var notifications = await host.Storage.NotificationsAsync(applicationId);
        Assert.Single(notifications, n => n.RowKey.Contains("items-missing", StringComparison.Ordinal));
        Assert.Equal(2, notifications.Count(n => n.RowKey.Contains("decision", StringComparison.Ordinal)));
        string letter = await host.Api.As(Roles.Caseworker).LetterTextAsync(applicationId);
        Assert.Contains("Decision: INADMISSIBLE", letter, StringComparison.Ordinal);
    }
}
