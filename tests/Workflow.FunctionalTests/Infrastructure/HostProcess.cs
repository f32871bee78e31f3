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

    readonly TaskCompletionSource<Uri> apiRoot = new(TaskCreationOptions.RunContinuationsAsynchronously);

    HostProcess(Process process) => this.process = process;

    public ApiClient Api { get; private set; } = null!;

    /// <summary>The host's process id (for /proc/&lt;pid&gt;/status, say).</summary>
    public int ProcessId => this.process.Id;

    /// <param name="azurite">The Azurite to run on: the tests' shared one unless given (a test that loads it heavily brings its own).</param>
    public static async Task<HostProcess> StartAsync(PermitHostOptions options, string workerId, AzuriteServer? azurite = null)
    {
        azurite ??= await TestAzurite.GetAsync();
        var process = Process.Start(ProgramStart(options.Arguments(azurite.ConnectionString, httpPort: 0, workerId))) ?? throw new InvalidOperationException("The host process did not start.");
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The host prints its API address once it serves (it picked a free port itself).
        Task exited = process.WaitForExitAsync();
        Task started = await Task.WhenAny(host.apiRoot.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != host.apiRoot.Task)
        {
            await host.KillAsync();
            throw new InvalidOperationException($"The host process did not start. {host.Diagnostics()}");
        }

        host.Api = new ApiClient(new HttpClient { BaseAddress = host.apiRoot.Task.Result, Timeout = TimeSpan.FromSeconds(60) });
        return host;
    }

    /// <summary>How to run the built local host program (the host, or one of its commands) with its output captured.</summary>
    public static ProcessStartInfo ProgramStart(IEnumerable<string> arguments)
    {
        if (!File.Exists(RepositoryPaths.LocalHostDll))
        {
            throw new InvalidOperationException($"The local host is not built at {RepositoryPaths.LocalHostDll}.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.LocalHostDll)!,
        };
        start.ArgumentList.Add(RepositoryPaths.LocalHostDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
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
        this.Api?.Dispose();
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
        // The banner's line "  API          http://127.0.0.1:<port>/api".
        string? trimmed = line?.Trim();
        if (trimmed is not null && trimmed.StartsWith("API ", StringComparison.Ordinal) && trimmed.EndsWith("/api", StringComparison.Ordinal))
        {
            this.apiRoot.TrySetResult(new Uri(trimmed["API ".Length..^"/api".Length].Trim()));
        }

        if (line is not null)
        {
            lock (this.output)
            {
                this.output.AppendLine(line);
            }
        }
    }
}
