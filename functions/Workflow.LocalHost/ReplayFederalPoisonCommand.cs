using System.Globalization;
using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Adapters;
using Workflow.Adapters.Queues;

namespace Workflow.LocalHost;

/// <summary>
/// The operator command that re-submits poisoned federal callbacks once their cause is fixed (see
/// <see cref="FederalPoisonReplay"/>):
/// <c>Workflow.LocalHost.dll replay-federal-poison [--dry-run] [--message-id ID] [--handling unknown-application|malformed|failed] [--max N] [--json]</c>.
/// It reads the same storage settings as the host (appsettings.json, environment, <c>--storage</c> or
/// <c>--Storage:ConnectionString=...</c>, <c>--Storage:NamePrefix=...</c>), needs no running host, writes one line per
/// matching poison entry and a summary (or the report as JSON with <c>--json</c>) on standard output, and returns 0; 1
/// when storage failed; 2 on a usage error (why on standard error).
/// </summary>
public static class ReplayFederalPoisonCommand
{
    public const string Command = "replay-federal-poison";

    public static bool IsCommand(string[] args) => args is [Command, ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        bool dryRun = false, json = false;
        string? messageId = null, handling = null;
        int max = 100;
        var settings = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            string name = args[i];
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (name)
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--json":
                    json = true;
                    break;
                case "--message-id" when value is not null:
                    messageId = value;
                    i++;
                    break;
                case "--handling" when value is not null:
                    handling = value;
                    i++;
                    break;
                case "--max" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out max) && max is >= 1 and <= PoisonReplayRequest.Limit:
                    i++;
                    break;
                case "--storage" when value is not null:
                    settings.Add($"--Storage:ConnectionString={value}");
                    i++;
                    break;
                default:
                    if (CommandSettings.TryAdd(name, settings))
                    {
                        break; // a setting, e.g. --Storage:NamePrefix=...
                    }

                    return Usage(error, $"unexpected or incomplete argument '{name}'");
            }
        }

        IConfiguration configuration = CommandSettings.Build(settings);
        string storage = configuration["Storage:ConnectionString"] ?? "UseDevelopmentStorage=true";
        StorageNames names;
        try
        {
            names = new StorageNames(configuration["Storage:NamePrefix"]);
        }
        catch (ArgumentException e)
        {
            return Usage(error, e.Message);
        }

        var replay = new FederalPoisonReplay(
            new QueueServiceClient(storage, StorageQueueMessages.ClientOptions()), names, NullLogger<FederalPoisonReplay>.Instance);
        PoisonReplayReport report;
        try
        {
            report = await replay.RunAsync(new PoisonReplayRequest(handling, messageId, max, dryRun), cancellationToken);
        }
        catch (RequestFailedException e)
        {
            await error.WriteLineAsync($"{Command}: storage failed on queue {names.FederalDecisionsPoisonQueue} (status {e.Status}, {e.ErrorCode}); nothing more was replayed.");
            return 1;
        }

        if (json)
        {
            await output.WriteLineAsync(FederalPoisonReplay.ToJson(report));
            return 0;
        }

        foreach (PoisonReplayEntry entry in report.Entries)
        {
            string done = entry.Outcome switch
            {
                PoisonReplayOutcome.Replayed => $"replayed as queue message {entry.ReplayedAs}",
                PoisonReplayOutcome.WouldReplay => "would be replayed",
                PoisonReplayOutcome.SkippedTruncated => "skipped: the envelope kept only part of the body",
                _ => "skipped: not a poison envelope",
            };
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{entry.PoisonMessageId}  federal message {entry.FederalMessageId ?? "?"}  {entry.Handling ?? "?"}  poisoned {entry.PoisonedAt:O}: {done}. Reason: {entry.Reason}"));
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{Command}{(dryRun ? " (dry run, nothing moved)" : "")}: scanned {report.Scanned}, matched {report.Matched}, replayed {report.Replayed} onto {names.FederalDecisionsQueue}."));
        return 0;
    }

    static int Usage(TextWriter error, string why)
    {
        error.WriteLine($"{Command}: {why}");
        error.WriteLine($"usage: Workflow.LocalHost.dll {Command} [--dry-run] [--message-id ID] [--handling unknown-application|malformed|failed] [--max 1-{PoisonReplayRequest.Limit}] [--json] [--storage <connection string>] [--Storage:NamePrefix=<prefix>]");
        return 2;
    }
}
