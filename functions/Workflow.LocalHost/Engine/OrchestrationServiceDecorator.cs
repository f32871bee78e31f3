using DurableTask.Core;

namespace Workflow.LocalHost.Engine;

/// <summary>
/// Wraps the orchestration service the sidecar dispatches from, when registered before the engine (the bench counts
/// work items and sees instances complete this way, without reading storage). The host registers none.
/// </summary>
public sealed class OrchestrationServiceDecorator(Func<IOrchestrationService, IOrchestrationService> decorate)
{
    public IOrchestrationService Decorate(IOrchestrationService service) => decorate(service);
}
