using System.Diagnostics;
using System.Text;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>
/// An Azurite of the tests' own: free ports and a temporary data folder (on disk: with in-memory persistence the
/// durable backend stalls), started from the repository's pinned npm install and stopped with the test run.
/// </summary>
internal sealed class AzuriteServer : IAsyncDisposable
{
    const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly Process process;
    readonly StringBuilder output = new();

    AzuriteServer(Process process, string dataFolder, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        this.DataFolder = dataFolder;
        this.ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public string DataFolder { get; }

    public static async Task<AzuriteServer> StartAsync()
    {
        if (!File.Exists(RepositoryPaths.Azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {RepositoryPaths.Azurite}. Run `npm ci` in the repository root (scripts/run-tests.sh does it).");
        }

        string dataFolder = Path.Combine(Path.GetTempPath(), "permit-tests-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataFolder);
        int blob = FreePorts.Next(), queue = FreePorts.Next(), table = FreePorts.Next();
        var start = new ProcessStartInfo(RepositoryPaths.Azurite)
        {
            ArgumentList =
            {
                "--location", dataFolder, "--silent", "--skipApiVersionCheck", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var server = new AzuriteServer(process, dataFolder, blob, queue, table);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        foreach (int port in new[] { blob, queue, table })
        {
            await FreePorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), server.Diagnostics);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
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

        lock (this.output)
        {
            this.output.AppendLine(line);
        }
    }
}
