using Microsoft.Extensions.Options;
using Workflow.Adapters.ServiceBus;

namespace Workflow.Functions.Tests.ServiceBus;

/// <summary>Settings for the adapters under test: the entity names infra/ provisions, a short drain.</summary>
internal static class TestSettings
{
    public static IOptions<ServiceBusSettings> ServiceBus(int batchSize = 32) => Options.Create(new ServiceBusSettings
    {
        FullyQualifiedNamespace = "sb-test.servicebus.windows.net",
        DrainBatchSize = batchSize,
        DrainReceiveWait = TimeSpan.FromMilliseconds(10),
        DrainBudget = TimeSpan.FromSeconds(5),
    });
}
