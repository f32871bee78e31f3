using Workflow.Orchestrations.Contracts;

namespace Workflow.Adapters.Simulated;

/// <summary>
/// A planned answer of the simulated federal office, held on queue <c>federal-office-schedule</c> until
/// <paramref name="DueAt"/> (real time), then sent as is to <c>federal-decisions</c>.
/// </summary>
public sealed record ScheduledFederalMessage(DateTimeOffset DueAt, FederalInboundMessage Message);
