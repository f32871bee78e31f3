using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.Application;
using Workflow.Application.Validation;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;
using Xunit.Abstractions;

namespace Workflow.FunctionalTests.Reliability;

/// <summary>
/// Memory under the largest submissions: a separately started host (the built program, default settings) takes 15
/// submissions at once, each with four documents of 5 MiB (the most one request may carry; about 29 MiB of JSON, as a
/// .NET client writes it). All are accepted, every document reads back from the dossier byte for byte, nothing staged
/// is left, and the host's peak resident memory (VmHWM of /proc/&lt;pid&gt;/status) stays under 1 GiB: documents
/// stream to Blob storage instead of being held, several times over, in memory.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class LargeSubmissionMemoryTests(ITestOutputHelper output)
{
    const int Submissions = 15;
    const long PeakLimitBytes = 1L << 30;

    [Fact]
    public async Task Fifteen_parallel_submissions_of_the_largest_size_are_accepted_stored_byte_identical_and_keep_the_host_under_1_GiB()
    {
        Assert.True(OperatingSystem.IsLinux(), "The host's memory is read from /proc.");
        // An Azurite of its own: writing 15 times 20 MiB (staged, then copied) through the shared one would hold up
        // every other test's storage calls meanwhile.
        await using AzuriteServer azurite = await AzuriteServer.StartAsync();
        var options = new PermitHostOptions { PolicyDay = TimeSpan.FromHours(1) };
        await using HostProcess host = await HostProcess.StartAsync(options, workerId: "memory", azurite);
        long startedAt = Memory(host.ProcessId, "VmRSS");

        // The bodies are built before any is sent, so building them does not pace the sending.
        List<(JsonObject Application, byte[] Body)> submissions = [.. Enumerable.Range(0, Submissions).Select(Submission)];
        Assert.All(submissions, s => Assert.InRange(s.Body.Length, 28L * 1024 * 1024, new WorkflowSettings().MaxRequestBytes));

        using var sampling = new CancellationTokenSource();
        Task<long> sampled = SampleLargestRssAsync(host.ProcessId, sampling.Token);
        string[] applicationIds = await Task.WhenAll(submissions.Select(s => SubmitAsync(host, s.Application, s.Body)));
        await sampling.CancelAsync();
        long largestSampled = await sampled;
        long peak = Memory(host.ProcessId, "VmHWM");

        string memory = $"resident at start {MiB(startedAt)}, largest sampled {MiB(largestSampled)}, peak (VmHWM) {MiB(peak)}";
        output.WriteLine($"{Submissions} submissions of {MiB(submissions[0].Body.Length)}: {memory}");
        Assert.True(peak < PeakLimitBytes, $"The host's peak resident memory went over 1 GiB: {memory}");

        // Every document reads back from the dossier exactly as sent; nothing staged is left behind.
        var names = new StorageNames(options.Name);
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var dossiers = new BlobDossierStore(blobs, names);
        BlobContainerClient container = blobs.GetBlobContainerClient(names.DossiersContainer);
        for (int i = 0; i < Submissions; i++)
        {
            IReadOnlyList<StoredDocument> stored = await dossiers.ListDocumentsAsync(applicationIds[i], CancellationToken.None);
            JsonArray sent = submissions[i].Application["documents"]!.AsArray();
            Assert.Equal(sent.Count, stored.Count);
            for (int d = 0; d < sent.Count; d++)
            {
                byte[] expected = Content(i, d);
                StoredDocument document = Assert.Single(stored, s => s.Type == sent[d]!["type"]!.GetValue<string>());
                Assert.Equal(sent[d]!["fileName"]!.GetValue<string>(), document.FileName);
                Assert.Equal(expected.Length, document.Size);
                BlobDownloadResult blob = (await container.GetBlobClient(BlobDossierStore.DocumentPath(applicationIds[i], document.Type, document.Sha256)).DownloadContentAsync()).Value;
                Assert.Equal("application/pdf", blob.Details.ContentType);
                Assert.True(expected.AsSpan().SequenceEqual(blob.Content.ToMemory().Span), $"Submission {i}, document {document.Type}: the stored bytes differ from those sent.");
            }
        }

        var left = new List<string>();
        await foreach (BlobItem item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobDocumentStaging.Folder + "/", States = BlobStates.Uncommitted }))
        {
            left.Add(item.Name);
        }

        Assert.True(left.Count == 0, $"Staged contents left behind: {string.Join(", ", left)}");
    }

    /// <summary>The highly skilled sample with its four documents made 5 MiB each, as a .NET client sends it ('+' escaped as \u002B).</summary>
    static (JsonObject Application, byte[] Body) Submission(int index)
    {
        JsonObject application = Samples.Load(Samples.HighlySkilled);
        JsonArray documents = application["documents"]!.AsArray();
        for (int d = 0; d < documents.Count; d++)
        {
            documents[d]!["contentBase64"] = Convert.ToBase64String(Content(index, d));
        }

        byte[] body = System.Text.Encoding.UTF8.GetBytes(application.ToJsonString());
        foreach (JsonNode? document in documents)
        {
            document!["contentBase64"] = "(sent)"; // the application is kept for its names; the bytes are regenerated
        }

        return (application, body);
    }

    /// <summary>Document <paramref name="document"/> of submission <paramref name="index"/>: a PDF header, then bytes of its own.</summary>
    static byte[] Content(int index, int document)
    {
        byte[] content = new byte[DocumentRules.MaxDocumentBytes];
        new Random((index * 31) + document).NextBytes(content);
        "%PDF-1.7\n"u8.CopyTo(content);
        return content;
    }

    static async Task<string> SubmitAsync(HostProcess host, JsonObject application, byte[] body)
    {
        ApiClient employer = host.Api.AsApplicant(application);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        // Fifteen of these at once through one Azurite take a while: the host's client waits longer than its default.
        using var http = new HttpClient { BaseAddress = employer.Http.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = employer.Http.DefaultRequestHeaders.Authorization;
        using HttpResponseMessage response = await http.PostAsync("/api/applications", content);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Submission answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["applicationId"]!.GetValue<string>();
    }

    /// <summary>The largest VmRSS seen, sampled every 50 ms until cancelled (VmHWM is the exact peak; this shows the shape).</summary>
    static async Task<long> SampleLargestRssAsync(int processId, CancellationToken cancellationToken)
    {
        long largest = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            do
            {
                largest = Math.Max(largest, Memory(processId, "VmRSS"));
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }

        return largest;
    }

    /// <summary>A size in /proc/&lt;pid&gt;/status (reported in kB), in bytes.</summary>
    static long Memory(int processId, string field)
    {
        foreach (string line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no {field}.");
    }

    static string MiB(long bytes) => $"{bytes / (1024.0 * 1024):0} MiB";
}
