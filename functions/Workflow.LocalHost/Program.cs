using Microsoft.Extensions.Options;
using Workflow.Application;
using Workflow.Application.Http;
using Workflow.LocalHost;
using Workflow.LocalHost.Engine;

// The local host: `dotnet run --project functions/Workflow.LocalHost` with Azurite running (scripts/start-local.sh does both).
// Switches: --port 5080, --policy-day 00:00:05, --task-hub permits, --storage <connection string>, --worker-id <id>,
// --federal-office Simulated|Off, --in-memory (smoke checks only: the engine then keeps nothing).
WebApplication app = PermitLocalHost.Build(args);
await PermitLocalHost.StartAsync(app);

EngineSettings engine = app.Configuration.GetSection(EngineSettings.Section).Get<EngineSettings>() ?? new EngineSettings();
TimeSpan policyDay = app.Services.GetRequiredService<IOptions<WorkflowSettings>>().Value.PolicyDayLength;
string root = PermitLocalHost.ApiRoot(app).ToString().TrimEnd('/');
Console.WriteLine($"""

    Permit workflow local host is running.
      API          {root}/api
      OpenAPI      {root}{PermitApi.OpenApiPath}
      Engine       {engine.Backend}, task hub '{engine.TaskHub}', worker '{engine.EffectiveWorkerId}'
      Sidecar      {app.Services.GetRequiredService<SidecarEndpoint>()}
      Policy day   {policyDay} of real time
    Press Ctrl+C to stop.

    """);
await app.WaitForShutdownAsync();
