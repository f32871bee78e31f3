using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>Steps several scenarios share: bring an application to the caseworker's desk, finish it, read its record.</summary>
internal static class Scenario
{
    /// <summary>How long one step may take on a loaded machine: a bound for failure, not a speed target.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The most history rows one application's workflow may leave: every workflow test checks it when its application
    /// ends, so that no scenario grows a workflow without bound (issue: "bounded history").
    /// </summary>
    public const int MaxHistoryRows = 300;

    /// <summary>A complete application of <paramref name="category"/>, fee paid if due, handed off if single permit, waiting for the caseworker.</summary>
    public static async Task<(string ApplicationId, string? HandoffId)> AtCaseworkerAsync(PermitHost host, string category)
    {
        string applicationId = await host.Api.SubmitAsync(Samples.Load(category));
        if (category != Samples.WorkCard)
        {
            await host.Api.PayAsync(applicationId);
        }

        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision", StepTimeout);
        string? handoffId = null;
        if (category is not (Samples.WorkCard or Samples.ProfessionalCard))
        {
            JsonElement handoff = await host.FederalOffice.WaitForAsync(applicationId, "handoff", StepTimeout);
            handoffId = handoff.GetProperty("handoffId").GetString();
        }

        return (applicationId, handoffId);
    }

    /// <summary>
    /// Ends a test's workflow that would otherwise wait on: terminated, and awaited until the engine recorded it, so
    /// no termination is still in flight when the test's host stops (an in-flight one kept the stopped host's
    /// queue readers busy for the rest of the run). Polled, not awaited through the engine: a host with retention may
    /// purge the instance as soon as it ends.
    /// </summary>
    public static async Task EndAsync(PermitHost host, string applicationId)
    {
        await AssertBoundedHistoryAsync(host, applicationId);
        await host.Engine.TerminateInstanceAsync(applicationId, "test finished");
        await Eventually.HoldsAsync(
            async () => await host.Engine.GetInstanceAsync(applicationId) is null or { IsCompleted: true },
            StepTimeout,
            $"{applicationId} to end");
    }

    /// <summary>The instance's history holds at most <see cref="MaxHistoryRows"/> rows.</summary>
    public static async Task AssertBoundedHistoryAsync(PermitHost host, string applicationId)
    {
        int rows = await host.Storage.HistoryRowsAsync(applicationId);
        Assert.True(rows <= MaxHistoryRows, $"{applicationId} has {rows} history rows; at most {MaxHistoryRows} are allowed.");
    }

    /// <summary>Waits for the workflow to finish (an awaited engine event, not a poll) and returns its result.</summary>
    public static async Task<JsonNode> CompletedAsync(PermitHost host, string applicationId, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? StepTimeout);
        OrchestrationMetadata instance = await host.Engine.WaitForInstanceCompletionAsync(applicationId, getInputsAndOutputs: true, cancellation.Token);
        Assert.True(
            instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{applicationId} ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorType} {instance.FailureDetails?.ErrorMessage}");
        await AssertBoundedHistoryAsync(host, applicationId);
        return JsonNode.Parse(instance.SerializedOutput!)!;
    }

    /// <summary>The audit events of an application, in order, as the status endpoint's timeline shows them.</summary>
    public static async Task<List<string>> TimelineAsync(PermitHost host, string applicationId)
    {
        JsonNode status = await host.Api.GetAsync(applicationId);
        return [.. status["timeline"]!.AsArray().Select(e => e!["event"]!.GetValue<string>())];
    }

    /// <summary>How many policy days a real duration is on this host.</summary>
    public static double PolicyDays(PermitHost host, TimeSpan real) => real / host.Options.PolicyDay;

    public static DateTimeOffset Time(JsonNode? node) => DateTimeOffset.Parse(node!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
