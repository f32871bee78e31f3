namespace Workflow.Application.Ports;

/// <summary>A declared peak period (both dates inclusive, Belgian dates): standard files whose clock starts inside it get 45 days.</summary>
public sealed record PeakPeriod(DateOnly From, DateOnly To, string? Label);

/// <summary>The declared peak periods (docs/design.md#sla-semantics), managed by managers through <c>PUT /api/sla/peak-periods</c>.</summary>
public interface IPeakPeriodCalendar
{
    Task<IReadOnlyList<PeakPeriod>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Replaces every declared period.</summary>
    Task ReplaceAsync(IReadOnlyList<PeakPeriod> periods, CancellationToken cancellationToken);
}
