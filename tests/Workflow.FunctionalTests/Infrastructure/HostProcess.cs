using System.Diagnostics;
using System.Text;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>
/// The local host as a separate process (the built program, started directly, not through `dotnet run`, so that
/// killing it kills the host), for tests that crash it with SIGKILL and start another on the same Azurite data.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();

    HostProcess(Process process, int port)
    {
        this.process = process;
        this.Api = new ApiClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) });
    }

    public ApiClient Api { get; }

    public static async Task<HostProcess> StartAsync(PermitHostOptions options, string workerId)
    {
        if (!File.Exists(RepositoryPaths.LocalHostDll))
        {
            throw new InvalidOperationException($"The local host is not built at {RepositoryPaths.LocalHostDll}.");
        }

        AzuriteServer azurite = await TestAzurite.GetAsync();
        int port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.LocalHostDll)!,
        };
        start.ArgumentList.Add(RepositoryPaths.LocalHostDll);
        foreach (string argument in options.Arguments(azurite.ConnectionString, port, workerId))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        var host = new HostProcess(process, port);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await FreePorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), host.Diagnostics);
        return host;
    }

    /// <summary>SIGKILL: no shutdown, no lease release, messages in flight stay invisible for the visibility timeout.</summary>
    public async Task KillAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await this.KillAsync();
        this.process.Dispose();
        this.Api.Dispose();
    }

    public string Diagnostics()
    {
        lock (this.output)
        {
            return this.process.HasExited ? $"Host exited with {this.process.ExitCode}: {this.output}" : $"Host output: {this.output}";
        }
    }

    void Append(string? line)
    {
        if (line is not null)
        {
            lock (this.output)
            {
                this.output.AppendLine(line);
            }
        }
    }
}
