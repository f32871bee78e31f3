using Microsoft.Extensions.Options;
using Workflow.Adapters.Parties;
using Workflow.Application;
using Workflow.Application.Http;
using Workflow.LocalHost;
using Workflow.LocalHost.Bench;
using Workflow.LocalHost.Engine;
using Workflow.LocalHost.Simulation;

// The local host: `dotnet run --project functions/Workflow.LocalHost` with Azurite running (scripts/start-local.sh does both).
// Switches: --port 5080, --policy-day 00:00:05, --task-hub permits, --storage <connection string>, --worker-id <id>,
// --federal-office Simulated|Off, --in-memory (smoke checks only: the engine then keeps nothing).
// `issue-token --role <role> [--applicant <key>]` prints a local bearer token instead (DevTokens).
if (DevTokens.IsCommand(args))
{
    return DevTokens.Run(args, Console.Out, Console.Error);
}

// `replay-federal-poison [--dry-run] [--message-id <id>]` re-submits poisoned federal callbacks (ReplayFederalPoisonCommand).
if (ReplayFederalPoisonCommand.IsCommand(args))
{
    return await ReplayFederalPoisonCommand.RunAsync(args, Console.Out, Console.Error);
}

// `openapi --out <file>` writes the OpenAPI document the host serves, without starting it (OpenApiCommand).
if (OpenApiCommand.IsCommand(args))
{
    return await OpenApiCommand.RunAsync(args, Console.Error);
}

// `simulate <file.json> [--out <folder>]` runs a capacity simulation on the real engine and reports (SimulateCommand).
if (SimulateCommand.IsCommand(args))
{
    return await SimulateCommand.RunAsync(args, Console.Out, Console.Error);
}

// `bench [--applications N] [--in-flight M] [--out <folder>]` measures the bare engine and the full workflow side by side (BenchCommand).
if (BenchCommand.IsCommand(args))
{
    return await BenchCommand.RunAsync(args, Console.Out, Console.Error);
}

WebApplication app;
try
{
    app = PermitLocalHost.Build(args);
}
catch (InvalidOperationException e)
{
    // Settings the host refuses (a TCP sidecar not allowed, a short signing key, a party without an adapter): say why, start nothing.
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 2;
}

await PermitLocalHost.StartAsync(app);

EngineSettings engine = app.Configuration.GetSection(EngineSettings.Section).Get<EngineSettings>() ?? new EngineSettings();
TimeSpan policyDay = app.Services.GetRequiredService<IOptions<WorkflowSettings>>().Value.PolicyDayLength;
string root = PermitLocalHost.ApiRoot(app).ToString().TrimEnd('/');
WiredParties parties = app.Services.GetRequiredService<WiredParties>();
Console.WriteLine($"""

    Permit workflow local host is running.
      API          {root}/api
      OpenAPI      {root}{PermitApi.OpenApiPath}
      Engine       {engine.Backend}, task hub '{engine.TaskHub}', worker '{engine.EffectiveWorkerId}'
      Sidecar      {app.Services.GetRequiredService<SidecarEndpoint>()}
      Policy day   {policyDay} of real time
      Parties      real: {string.Join(", ", parties.Real)}
                   simulated: {(parties.Simulated.Count == 0 ? "none" : string.Join(", ", parties.Simulated))}
      Tokens       scripts/dev-token.sh <role> [applicant]  (Authorization: Bearer ...)
    Press Ctrl+C to stop.

    """);
await app.WaitForShutdownAsync();
return 0;
