using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Adapters;
using Workflow.Adapters.Queues;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.LocalHost;
using Workflow.Orchestrations.Domain;
using static Workflow.FunctionalTests.Abuse.FederalCallbackAbuseTests;

namespace Workflow.FunctionalTests.Abuse;

/// <summary>
/// The replay of poisoned federal callbacks after a fix (issue 5, item 2): the local host's command
/// <c>replay-federal-poison</c> and the class behind it, <see cref="FederalPoisonReplay"/>. On a host of its own: the
/// replay moves entries of the whole poison queue, which no other test's entries should be in.
/// </summary>
public sealed class FederalPoisonReplayTests
{
    [Fact]
    public async Task A_callback_poisoned_for_an_unknown_application_is_delivered_by_the_replay_once_the_application_exists()
    {
        await using PermitHost host = await PermitHost.StartAsync(new PermitHostOptions());
        AzuriteServer azurite = await TestAzurite.GetAsync();
        QueueClient decisions = host.Storage.Queue("federal-decisions");

        // The federal office answers about an application this side does not know (yet).
        JsonObject application = Samples.Load(Samples.HighlySkilled);
        string applicationId = ApplicationIds.Derive("0412345614", application["submissionId"]!.GetValue<string>());
        string federalMessageId = Messages.Id("replay");
        string decision = Messages.Decision(applicationId, applicationId + "-h1", "approved", federalMessageId);
        string unknownQueueId = (await decisions.SendMessageAsync(decision)).Value.MessageId;
        PoisonedEntry unknown = await PoisonedAsync(host, unknownQueueId, Scenario.StepTimeout);
        Assert.Equal("unknown-application", unknown.Envelope.GetProperty("handling").GetString());

        // Two more entries that must not be replayed by a replay of that one: malformed, and one kept only in part.
        string malformed = $"{{\"messageId\":\"{Messages.Id("replay-malformed")}\",\"kind\":";
        string malformedQueueId = (await decisions.SendMessageAsync(malformed)).Value.MessageId;
        string oversized = Messages.Decision(applicationId, applicationId + "-h1", "approved", Messages.Id("replay-oversized")).Replace("[]", $"[\"{new string('x', 20 * 1024)}\"]", StringComparison.Ordinal);
        string oversizedQueueId = (await decisions.SendMessageAsync(oversized)).Value.MessageId;
        await PoisonedAsync(host, malformedQueueId, Scenario.StepTimeout);
        await PoisonedAsync(host, oversizedQueueId, Scenario.StepTimeout);

        // A dry run lists what a replay would do and moves nothing.
        CommandRun dryRun = await RunCommandAsync(azurite, host, "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains($"{unknown.PoisonMessageId}  federal message {federalMessageId}  unknown-application", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("would be replayed", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("skipped: the envelope kept only part of the body", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("(dry run, nothing moved): scanned 3, matched 3, replayed 0", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal(
            new[] { unknownQueueId, malformedQueueId, oversizedQueueId }.Order(StringComparer.Ordinal),
            (await PoisonOriginalsAsync(host)).Order(StringComparer.Ordinal));

        // The fix: the application is submitted (the id the message names), paid, and handed off.
        Assert.Equal(applicationId, await host.Api.SubmitAsync(application));
        await host.Api.PayAsync(applicationId);
        await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        await host.FederalOffice.WaitForAsync(applicationId, "handoff", Scenario.StepTimeout);
        Assert.DoesNotContain("federal-decided", await Scenario.TimelineAsync(host, applicationId));

        // The replay of that one callback, by its federal message id.
        CommandRun replay = await RunCommandAsync(azurite, host, "--message-id", federalMessageId, "--json");
        Assert.True(replay.ExitCode == 0, replay.ToString());
        JsonElement report = JsonDocument.Parse(replay.Output).RootElement;
        Assert.False(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, report.GetProperty("matched").GetInt32());
        Assert.Equal(1, report.GetProperty("replayed").GetInt32());
        JsonElement entry = Assert.Single(report.GetProperty("entries").EnumerateArray());
        Assert.Equal(PoisonReplayOutcome.Replayed, entry.GetProperty("outcome").GetString());
        Assert.Equal(unknown.PoisonMessageId, entry.GetProperty("poisonMessageId").GetString());
        Assert.Equal(unknownQueueId, entry.GetProperty("originalMessageId").GetString());
        Assert.Equal("unknown-application", entry.GetProperty("handling").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("replayedAs").GetString()));

        // Delivered: the workflow takes the federal decision, once; the entry left the poison queue, the others stayed.
        await Eventually.HoldsAsync(
            async () =>
            {
                List<JsonNode> timeline = [.. (await host.Api.GetAsync(applicationId))["timeline"]!.AsArray().Select(e => e!)];
                return timeline.Count(e => Event(e) == "federal-decision-received" && MessageIdOf(e) == federalMessageId) == 1
                    && timeline.Count(e => Event(e) == "federal-decided") == 1;
            },
            Scenario.StepTimeout,
            "the replayed decision to be delivered");
        Assert.Equal(
            new[] { malformedQueueId, oversizedQueueId }.Order(StringComparer.Ordinal),
            (await PoisonOriginalsAsync(host)).Order(StringComparer.Ordinal));
        await host.Api.DecideAsync(applicationId, "approve");
        Assert.Equal("granted", (await Scenario.CompletedAsync(host, applicationId))["outcome"]!.GetValue<string>());

        // By handling, in process: a malformed body replayed is poisoned again (under the replayed queue message's id),
        // and a body the envelope kept only in part is never replayed.
        var replayer = new FederalPoisonReplay(
            new QueueServiceClient(azurite.ConnectionString, StorageQueueMessages.ClientOptions()), new StorageNames(host.Options.Name), NullLogger<FederalPoisonReplay>.Instance);
        PoisonReplayReport byHandling = await replayer.RunAsync(new PoisonReplayRequest(Handling: "malformed"), CancellationToken.None);
        Assert.Equal(2, byHandling.Matched);
        Assert.Equal(1, byHandling.Replayed);
        PoisonReplayEntry again = Assert.Single(byHandling.Entries, e => e.Outcome == PoisonReplayOutcome.Replayed);
        Assert.Equal(malformedQueueId, again.OriginalMessageId);
        Assert.Equal(oversizedQueueId, Assert.Single(byHandling.Entries, e => e.Outcome == PoisonReplayOutcome.SkippedTruncated).OriginalMessageId);
        PoisonedEntry poisonedAgain = await PoisonedAsync(host, again.ReplayedAs!, Scenario.StepTimeout);
        Assert.Equal(malformed, poisonedAgain.Envelope.GetProperty("body").GetString());
        Assert.Equal(
            new[] { again.ReplayedAs!, oversizedQueueId }.Order(StringComparer.Ordinal),
            (await PoisonOriginalsAsync(host)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_command_refuses_unknown_arguments_without_touching_storage()
    {
        AzuriteServer azurite = await TestAzurite.GetAsync();
        CommandRun run = await RunAsync("replay-federal-poison", "--max", "0", $"--Storage:ConnectionString={azurite.ConnectionString}");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: Workflow.LocalHost.dll replay-federal-poison", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    /// <summary>The original queue message ids of the poison queue's entries, all visible (none held by a replay).</summary>
    static async Task<List<string>> PoisonOriginalsAsync(PermitHost host)
    {
        PeekedMessage[] peeked = (await host.Storage.Queue("federal-decisions-poison").PeekMessagesAsync(maxMessages: 32)).Value;
        return [.. peeked.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement.GetProperty("originalMessageId").GetString()!)];
    }

    static Task<CommandRun> RunCommandAsync(AzuriteServer azurite, PermitHost host, params string[] arguments) =>
        RunAsync([ReplayFederalPoisonCommand.Command, .. arguments, $"--Storage:ConnectionString={azurite.ConnectionString}", $"--Storage:NamePrefix={host.Options.Name}"]);

    /// <summary>Runs the built local host program with <paramref name="arguments"/> and waits for it to exit.</summary>
    static async Task<CommandRun> RunAsync(params string[] arguments)
    {
        using Process process = Process.Start(HostProcess.ProgramStart(arguments)) ?? throw new InvalidOperationException("The command did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Scenario.StepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"replay-federal-poison did not finish within {Scenario.StepTimeout.TotalSeconds:0} s.");
        }

        return new CommandRun(process.ExitCode, await output, await error);
    }

    sealed record CommandRun(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {this.ExitCode}; output: {this.Output}; error: {this.Error}";
    }
}
