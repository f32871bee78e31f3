using System.Diagnostics;
using System.Text;

namespace Workflow.LocalHost;

/// <summary>
/// An Azurite of its own: free ports and a temporary data folder (on disk: with in-memory persistence the durable
/// backend stalls), started from the repository's pinned npm install (node_modules/.bin/azurite) and stopped, its
/// folder deleted, when disposed. The functional tests and the bench command start theirs with it.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly Process process;
    readonly StringBuilder output = new();
    int disposed;

    readonly Dictionary<string, TaskCompletionSource<int>> ports = new(StringComparer.Ordinal)
    {
        ["Blob"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        ["Queue"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        ["Table"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
    };

    AzuriteServer(Process process, string dataFolder)
    {
        this.process = process;
        this.DataFolder = dataFolder;
    }

    public string ConnectionString { get; private set; } = string.Empty;

    public string DataFolder { get; }

    /// <summary>The CPU time Azurite's process has used so far (the bench reports the storage emulator's share of the work).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            if (Volatile.Read(ref this.disposed) == 1)
            {
                return TimeSpan.Zero;
            }

            this.process.Refresh();
            return this.process.HasExited ? TimeSpan.Zero : this.process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// The repository's Azurite: node_modules/.bin/azurite in the first folder above the running program (or the current
    /// folder) that has one; null when none has.
    /// </summary>
    public static string? FindExecutable()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Starts Azurite on ports the system picks (port 0) and reads them from its start-up lines.</summary>
    public static async Task<AzuriteServer> StartAsync()
    {
        string executable = FindExecutable() ?? throw new InvalidOperationException(
            "Azurite is not installed: no node_modules/.bin/azurite above this program or the current folder. Run `npm ci` in the repository root (scripts/run-tests.sh does it).");

        string dataFolder = Path.Combine(Path.GetTempPath(), "permit-tests-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--location", dataFolder, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--queueHost", "127.0.0.1", "--queuePort", "0",
                "--tableHost", "127.0.0.1", "--tablePort", "0",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var server = new AzuriteServer(process, dataFolder);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Task<int[]> listening = Task.WhenAll(server.ports.Values.Select(p => p.Task));
        if (await Task.WhenAny(listening, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60))) != listening)
        {
            string diagnostics = server.Diagnostics();
            await server.DisposeAsync();
            throw new InvalidOperationException($"Azurite did not start listening. {diagnostics}");
        }

        int blob = server.ports["Blob"].Task.Result, queue = server.ports["Queue"].Task.Result, table = server.ports["Table"].Task.Result;
        server.ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        return server;
    }

    /// <summary>Stops Azurite and removes its folder; once, however often called (the bench also calls it as the process exits).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) == 1)
        {
            return;
        }

        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync();
        }

        this.process.Dispose();
        try
        {
            Directory.Delete(this.DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temporary folder is cleaned by the OS.
        }
    }

    string Diagnostics()
    {
        lock (this.output)
        {
            return this.process.HasExited ? $"Azurite exited with {this.process.ExitCode}: {this.output}" : $"Azurite output: {this.output}";
        }
    }

    void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        // "Azurite Blob service is successfully listening at http://127.0.0.1:43437"
        const string Listening = " service is successfully listening at http://127.0.0.1:";
        int at = line.IndexOf(Listening, StringComparison.Ordinal);
        if (at > 0 && this.ports.TryGetValue(line[..at].Replace("Azurite ", string.Empty, StringComparison.Ordinal), out TaskCompletionSource<int>? port))
        {
            port.TrySetResult(int.Parse(line[(at + Listening.Length)..], System.Globalization.CultureInfo.InvariantCulture));
        }

        lock (this.output)
        {
            this.output.AppendLine(line);
        }
    }
}
