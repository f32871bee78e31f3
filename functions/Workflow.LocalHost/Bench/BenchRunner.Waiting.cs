using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Workflow.LocalHost.Bench;

/// <summary>The waiting run (issue 11, scale in memory): many applications waiting on their caseworker, and what that costs the host.</summary>
public sealed partial class BenchRunner
{
    /// <summary>The worklist page size the issue's target names.</summary>
    public const int WorklistPageSize = 50;

    /// <summary>How often the first worklist page is read (each page after it is read once, walking to the end).</summary>
    const int FirstPageReads = 20;

    /// <summary>The size the waiting run's memory is extrapolated to (the issue's target).</summary>
    public const int TargetWaiting = 10_000;

    /// <summary>
    /// Submits <see cref="BenchOptions.Waiting"/> applications, <see cref="BenchOptions.InFlight"/> at a time (a new
    /// one as soon as one waits on its caseworker), then, all of them waiting, takes this process's memory and times
    /// status reads and worklist pages as a caseworker.
    /// </summary>
    public async Task<WaitingResults> RunWaitingAsync(DateTimeOffset startedAt, IProgress<int> progress, IProgress<string> reading, CancellationToken cancellationToken)
    {
        int count = options.Waiting;
        MemorySnapshot baseline = MemorySnapshot.Take(collect: true);
        int refusalsBefore = this.api.Refusals.Count;
        var waitingIds = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        int next = -1, done = 0;

        async Task SlotAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                WatchedInstance watched = await this.SubmitFullAsync(index + 1, waiting, cancellationToken);
                Task first;
                try
                {
                    first = await Task.WhenAny(waiting.Task, watched.Ended).WaitAsync(options.Timeout, cancellationToken);
                }
                catch (TimeoutException)
                {
                    this.api.ThrowIfHostFailing();
                    throw new BenchFailedException(
                        $"application {watched.InstanceId} did not wait on its caseworker within {options.Timeout.TotalSeconds:0} s (--timeout). Last refusal: {this.api.Refusals.LastOrDefault() ?? "none"}");
                }

                this.watch.Forget(watched.InstanceId);
                if (first != waiting.Task)
                {
                    throw new BenchFailedException($"application {watched.InstanceId} ended ({watched.Ended.Result.Status}) instead of waiting on its caseworker.");
                }

                waitingIds.Add(watched.InstanceId);
                progress.Report(Interlocked.Increment(ref done));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.InFlight, count)).Select(_ => SlotAsync()));
        double seconds = clock.Elapsed.TotalSeconds;

        // A moment for what the last answers set off (the federal office's queue, the last index writes) to settle.
        reading.Report("settling");
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        MemorySnapshot allWaiting = MemorySnapshot.Take(collect: false);
        MemorySnapshot collected = MemorySnapshot.Take(collect: true);

        string[] ids = [.. waitingIds];
        var random = new Random(Seed);
        string[] sample = [.. Enumerable.Range(0, options.StatusSample).Select(_ => ids[random.Next(ids.Length)])];
        int notWaiting = 0;
        async Task<double?> StatusAsync(string id, CancellationToken token)
        {
            (double? latency, JsonNode? body) = await TimedGetAsync(this.caseworker!, $"/api/applications/{id}", token);
            if (latency is not null && body?["stage"]?.GetValue<string>() != "awaiting-decision")
            {
                Interlocked.Increment(ref notWaiting);
            }

            return latency;
        }

        reading.Report("status, one at a time");
        var sequential = new List<double?>();
        foreach (string id in sample)
        {
            sequential.Add(await StatusAsync(id, cancellationToken));
        }

        reading.Report(string.Create(CultureInfo.InvariantCulture, $"status, {options.ReadConcurrency} at a time"));
        var concurrent = new ConcurrentBag<double?>();
        await Parallel.ForEachAsync(
            sample,
            new ParallelOptions { MaxDegreeOfParallelism = options.ReadConcurrency, CancellationToken = cancellationToken },
            async (id, token) => concurrent.Add(await StatusAsync(id, token)));

        reading.Report("worklist");
        string firstPage = string.Create(CultureInfo.InvariantCulture, $"/api/worklist?pageSize={WorklistPageSize}");
        var first = new List<double?>();
        for (int i = 0; i < FirstPageReads; i++)
        {
            first.Add((await TimedGetAsync(this.caseworker!, firstPage, cancellationToken)).Seconds);
        }

        var following = new List<double?>();
        var ours = new HashSet<string>(ids, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        string? continuation = null;
        do
        {
            string path = continuation is null ? firstPage : $"{firstPage}&continuation={Uri.EscapeDataString(continuation)}";
            (double? latency, JsonNode? page) = await TimedGetAsync(this.caseworker!, path, cancellationToken);
            if (continuation is not null)
            {
                following.Add(latency);
            }

            foreach (JsonNode? item in page?["items"]?.AsArray() ?? [])
            {
                if (item?["applicationId"]?.GetValue<string>() is string id && ours.Contains(id))
                {
                    found.Add(id);
                }
            }

            continuation = page?["continuation"]?.GetValue<string>();
        }
        while (continuation is not null);

        return new WaitingResults(
            startedAt,
            $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}",
            azurite is null ? "the storage given by --storage" : "Azurite (its own, fresh)",
            count,
            options.InFlight,
            options.PolicyDay,
            this.TaskHub,
            GCSettings.IsServerGC,
            Math.Round(seconds, 1),
            Math.Round(count / Math.Max(seconds, 0.001), 2),
            baseline,
            allWaiting,
            collected,
            MemoryGrowth.Of(baseline, collected, count, TargetWaiting),
            ReadTimings.Of("status, one at a time", sequential),
            ReadTimings.Of(string.Create(CultureInfo.InvariantCulture, $"status, {options.ReadConcurrency} at a time"), [.. concurrent]),
            notWaiting,
            ReadTimings.Of("worklist, first page", first),
            ReadTimings.Of("worklist, following pages", following),
            found.Count,
            this.api.Refusals.Count - refusalsBefore);
    }

    /// <summary>One GET, timed from sending to the whole body read; null latency when not answered 200.</summary>
    static async Task<(double? Seconds, JsonNode? Body)> TimedGetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            string text = await response.Content.ReadAsStringAsync(cancellationToken);
            double seconds = clock.Elapsed.TotalSeconds;
            return response.StatusCode == HttpStatusCode.OK ? (seconds, JsonNode.Parse(text)) : (null, null);
        }
        catch (HttpRequestException)
        {
            return (null, null);
        }
    }
}
