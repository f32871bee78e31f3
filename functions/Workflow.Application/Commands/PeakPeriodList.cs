using Workflow.Application.Ports;

namespace Workflow.Application.Commands;

/// <summary><c>GET</c> and <c>PUT /api/sla/peak-periods</c>: the declared peak periods, in date order.</summary>
public sealed record PeakPeriodList(IReadOnlyList<PeakPeriod> Periods);
