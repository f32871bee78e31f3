using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Workflow.Functions;

// The Azure Functions app (isolated worker, ASP.NET Core integration). Runs with the Functions host (`func start` in
// this folder, with local.settings.json copied from the repository root's local.settings.sample.json) or in Azure
// (infra/, `azd up`). Everything it registers is in PermitFunctionsApp, so the tests build the same container.
FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
PermitFunctionsApp.ConfigureServices(builder.Services, builder.Configuration);
await builder.Build().RunAsync();
